import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGuideServer, type ServerExtension } from "~/server/guide-server.ts";

let distDir: string;
let server: Server;
let base: string;

async function start(extensions: ServerExtension[] = []): Promise<void> {
  server = createGuideServer({ distDir, extensions });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeEach(async () => {
  distDir = await mkdtemp(join(tmpdir(), "guide-dist-"));
  await mkdir(join(distDir, "guide"));
  await mkdir(join(distDir, "_astro"));
  await writeFile(join(distDir, "index.html"), "<h1>Home</h1>");
  await writeFile(join(distDir, "guide", "index.html"), "<h1>Guide</h1>");
  await writeFile(join(distDir, "404.html"), "<h1>Not here</h1>");
  await writeFile(join(distDir, "_astro", "app.abc123.js"), "console.log(1)");
});
afterEach(async () => {
  server.closeAllConnections();
  server.close();
  await rm(distDir, { recursive: true, force: true });
});

describe("the guide's server", () => {
  it("serves pages with cross-origin isolation headers", async () => {
    await start();
    const response = await fetch(`${base}/guide/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Guide");
    expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(response.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  it("marks hashed assets immutable", async () => {
    await start();
    const response = await fetch(`${base}/_astro/app.abc123.js`);
    expect(response.headers.get("cache-control")).toContain("immutable");
  });

  it("answers unknown paths with the site's 404 page and the isolation headers", async () => {
    await start();
    const response = await fetch(`${base}/no/such/page/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Not here");
    expect(response.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
  });

  it("refuses to serve files outside the build directory", async () => {
    await start();
    const response = await fetch(`${base}/..%2f..%2fetc%2fpasswd`);
    expect(response.status).toBe(404);
  });

  it("lets an extension answer its own paths before the static site", async () => {
    const calls: string[] = [];
    const extension: ServerExtension = {
      async handle(req, res) {
        calls.push(req.url ?? "");
        if (!req.url?.startsWith("/__ext/")) return false;
        res.writeHead(200, { "Content-Type": "text/plain" }).end("from extension");
        return true;
      },
      async close() {},
    };
    await start([extension]);
    expect(await (await fetch(`${base}/__ext/ping`)).text()).toBe("from extension");
    expect(await (await fetch(`${base}/guide/`)).text()).toContain("Guide");
    expect(calls).toEqual(["/__ext/ping", "/guide/"]);
  });

  it("answers 500 without details when an extension throws", async () => {
    const failing: ServerExtension = {
      async handle() {
        throw new Error("secret internals");
      },
      async close() {},
    };
    await start([failing]);
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret internals");
  });
});
