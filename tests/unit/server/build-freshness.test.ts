import { mkdtemp, mkdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fingerprintInputs, isBuildFresh, writeBuildStamp } from "~/server/build-freshness.ts";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "guide-freshness-"));
  await mkdir(join(root, "content", "docs"), { recursive: true });
  await mkdir(join(root, "dist"));
  await mkdir(join(root, "examples", "demo", "node_modules"), { recursive: true });
  await writeFile(join(root, "content", "docs", "page.mdx"), "# Page");
  await writeFile(join(root, "astro.config.mjs"), "export default {}");
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("build freshness", () => {
  it("treats a missing build as stale", async () => {
    expect(await isBuildFresh(join(root, "dist"), await fingerprintInputs(root))).toBe(false);
  });

  it("treats a build stamped with the current inputs as fresh", async () => {
    const fingerprint = await fingerprintInputs(root);
    await writeBuildStamp(join(root, "dist"), fingerprint);
    expect(await isBuildFresh(join(root, "dist"), await fingerprintInputs(root))).toBe(true);
  });

  it("goes stale when a page changes", async () => {
    await writeBuildStamp(join(root, "dist"), await fingerprintInputs(root));
    const page = join(root, "content", "docs", "page.mdx");
    await writeFile(page, "# Page, edited");
    expect(await isBuildFresh(join(root, "dist"), await fingerprintInputs(root))).toBe(false);
  });

  it("goes stale when a file is only touched, since the build cannot know it is unchanged", async () => {
    await writeBuildStamp(join(root, "dist"), await fingerprintInputs(root));
    const later = new Date(Date.now() + 60_000);
    await utimes(join(root, "astro.config.mjs"), later, later);
    expect(await isBuildFresh(join(root, "dist"), await fingerprintInputs(root))).toBe(false);
  });

  it("ignores node_modules, so installing dependencies of an example does not force a rebuild", async () => {
    await writeBuildStamp(join(root, "dist"), await fingerprintInputs(root));
    await writeFile(join(root, "examples", "demo", "node_modules", "dep.js"), "export {}");
    expect(await isBuildFresh(join(root, "dist"), await fingerprintInputs(root))).toBe(true);
  });

  it("treats a corrupt stamp as stale", async () => {
    await writeFile(join(root, "dist", ".guide-build.json"), "{not json");
    expect(await isBuildFresh(join(root, "dist"), await fingerprintInputs(root))).toBe(false);
  });
});
