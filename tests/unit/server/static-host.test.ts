/** The static host the static-build browser tests use: the `_headers` file's headers, files, a 404, and no runner. */
import { once } from "node:events";
import { mkdtemp, mkdir, rm, writeFile, copyFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { guideHeaders } from "~/server/isolation-headers.ts";
import { createStaticHost, headersFor, parseHeadersFile } from "../../support/static-host.ts";

const publicHeaders = new URL("../../../public/_headers", import.meta.url);

describe("_headers", () => {
  it("parses path blocks and applies every matching one", () => {
    const rules = parseHeadersFile("# comment\n/*\n  A: 1\n  B: x: y\n\n/_astro/*\n  Cache-Control: immutable\n");
    expect(headersFor(rules, "/guide/")).toEqual([
      ["A", "1"],
      ["B", "x: y"],
    ]);
    expect(headersFor(rules, "/_astro/app.js")).toContainEqual(["Cache-Control", "immutable"]);
    expect(headersFor(rules, "/_astro.js")).not.toContainEqual(["Cache-Control", "immutable"]);
  });

  it("refuses a header line outside a path block rather than ignoring it", () => {
    expect(() => parseHeadersFile("  A: 1\n")).toThrow(/not a "Name: value" line under a path/);
  });
});

describe("the static host", () => {
  let distDir: string;
  let server: Server;
  let base: string;

  beforeEach(async () => {
    distDir = await mkdtemp(join(tmpdir(), "static-host-"));
    await mkdir(join(distDir, "guide"));
    await writeFile(join(distDir, "guide", "index.html"), "<h1>Guide</h1>");
    await writeFile(join(distDir, "404.html"), "<h1>Not here</h1>");
    await writeFile(join(distDir, "preview-sw.js"), "self.addEventListener('fetch', () => {});");
    await copyFile(publicHeaders, join(distDir, "_headers"));
    server = createStaticHost(distDir).listen(0, "127.0.0.1");
    await once(server, "listening");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.close();
    await rm(distDir, { recursive: true, force: true });
  });

  it("serves pages and the preview worker with the isolation headers from public/_headers", async () => {
    for (const path of ["/guide/", "/preview-sw.js"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(200);
      for (const [name, value] of Object.entries(guideHeaders)) expect(response.headers.get(name), name).toBe(value);
    }
    expect((await fetch(`${base}/preview-sw.js`)).headers.get("content-type")).toMatch(/javascript/);
  });

  it("has no local runner: its handshake is the site's 404 page", async () => {
    const response = await fetch(`${base}/__runner/handshake`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Not here");
  });
});
