import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { plannedSidebar, sidebarFromExistingPages } from "~/site/sidebar.ts";

let docsDir: string;
beforeEach(async () => {
  docsDir = await mkdtemp(join(tmpdir(), "guide-docs-"));
  await mkdir(join(docsDir, "start-here"));
  await writeFile(join(docsDir, "start-here", "overview.mdx"), "---\ntitle: Overview\n---\n");
});
afterEach(() => rm(docsDir, { recursive: true, force: true }));

describe("sidebar", () => {
  it("lists only pages that exist and drops empty groups", () => {
    const groups = [
      { label: "Start here", slugs: ["start-here/overview", "start-here/not-written"] },
      { label: "Operations", slugs: ["operations/observability"] },
    ];
    expect(sidebarFromExistingPages(docsDir, groups)).toEqual([
      { label: "Start here", items: ["start-here/overview"] },
    ]);
  });

  it("keeps the guide's groups in reading order", () => {
    expect(plannedSidebar.map((group) => group.label)).toEqual([
      "Start here",
      "Foundations",
      "Interfaces & data",
      "Distributed systems",
      "Quality",
      "Operations",
      "Reference",
    ]);
  });
});
