import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildChecklist, extractChecklist, readGuidePages, type ChecklistArea } from "./extract.ts";
import { parsePage } from "./parse-page.ts";
import { seedItems } from "./seed.ts";

const docsDir = join(import.meta.dirname, "..", "..", "content", "docs");
const page = (body: string, title = "A page") => `---\ntitle: ${title}\n---\n\nimport X from "~/x";\n\n${body}`;
const allItems = (areas: ChecklistArea[]) => areas.flatMap((area) => area.items);

describe("parsePage", () => {
  it("reads the task items of the Checklist section, bold lead = must-have, Markdown folded onto one line", () => {
    const parsed = parsePage(
      page(
        "## Timeouts\n\nText.\n\n## Checklist\n\n- [ ] **Every call has a timeout**, and a deadline\n      across hops.\n- [ ] `429` answers carry `Retry-After`.\n\n## Related pages\n\n- [ ] not this one\n",
      ),
      "a.mdx",
    );
    expect(parsed.title).toBe("A page");
    expect(parsed.headings.map((heading) => heading.anchor)).toEqual(["timeouts", "checklist", "related-pages"]);
    expect(parsed.checklist?.map((item) => [item.markdown, item.mustHave])).toEqual([
      ["**Every call has a timeout**, and a deadline across hops.", true],
      ["`429` answers carry `Retry-After`.", false],
    ]);
    expect(parsed.checklist?.[1]?.text).toBe("429 answers carry Retry-After.");
  });

  it("bold later in an item does not make it a must-have", () => {
    const parsed = parsePage(page("## Checklist\n\n- [ ] Keys are **namespaced**.\n"), "a.mdx");
    expect(parsed.checklist?.[0]?.mustHave).toBe(false);
  });

  it("has no checklist without the section, and refuses a section without task items", () => {
    expect(parsePage(page("## Pitfalls\n\n- a\n"), "a.mdx").checklist).toBeUndefined();
    expect(() => parsePage(page("## Checklist\n\n- a plain item\n"), "b.mdx")).toThrow(/b\.mdx.*no task-list items/);
    expect(() => parsePage("# no frontmatter", "c.mdx")).toThrow(/c\.mdx: the frontmatter has no title/);
  });
});

describe("the guide's checklist", () => {
  const areas = extractChecklist(docsDir);

  it("has every page's checklist, item for item, in the page's order", () => {
    for (const { slug, page: parsed } of readGuidePages(docsDir)) {
      if (!parsed.checklist) continue;
      const area = areas.find((candidate) => candidate.id === slug);
      const fromPage = area?.items.filter((item) => item.origin === "page").map((item) => item.markdown);
      expect(fromPage, slug).toEqual(parsed.checklist.map((item) => item.markdown));
    }
  });

  it("gives every item a unique id and a link to a page, or a heading, that exists", () => {
    const pages = new Map(readGuidePages(docsDir).map((guidePage) => [guidePage.slug, guidePage.page]));
    const items = allItems(areas);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    for (const item of items) {
      const [path = "", anchor] = item.href.split("#");
      const target = pages.get(path.replace(/^\/|\/$/g, ""));
      expect(target, item.href).toBeDefined();
      // An item may link to a whole page (`[Metrics](/operations/observability/metrics/)`); an anchor must exist.
      if (anchor === undefined) continue;
      expect(
        target?.headings.map((heading) => heading.anchor),
        item.href,
      ).toContain(anchor);
    }
  });

  it("keeps the sidebar's reading order", () => {
    const ids = areas.map((area) => area.id);
    expect(ids.indexOf("start-here/overview")).toBeLessThan(ids.indexOf("foundations/project-structure"));
    expect(ids.indexOf("interfaces-data/caching")).toBeLessThan(ids.indexOf("distributed-systems/microservices"));
  });
});

describe("a page and the checklist cannot disagree", () => {
  let copy: string;
  beforeEach(() => {
    copy = mkdtempSync(join(tmpdir(), "checklist-docs-"));
    cpSync(docsDir, copy, { recursive: true });
  });
  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  const edit = (file: string, change: (source: string) => string) =>
    writeFileSync(join(copy, file), change(readFileSync(join(copy, file), "utf8")));

  it("follows an added, a removed and a promoted item", () => {
    const before = extractChecklist(copy);
    const caching = before.find((area) => area.id === "interfaces-data/caching");
    const [first, second] = caching?.items ?? [];
    if (!first || !second) throw new Error("the caching page has lost its checklist");
    edit("interfaces-data/caching.mdx", (source) =>
      source
        .replace("## Checklist\n\n", "## Checklist\n\n- [ ] **Cache entries are encrypted at rest.**\n")
        .replace(`- [ ] ${second.markdown.split(" ").slice(0, 4).join(" ")}`, "- [ ] Removed"),
    );
    const after = extractChecklist(copy).find((area) => area.id === "interfaces-data/caching");
    const texts = after?.items.map((item) => item.text) ?? [];
    expect(texts[0]).toBe("Cache entries are encrypted at rest.");
    expect(after?.items[0]?.mustHave).toBe(true);
    expect(after?.items[0]?.id).toBe("interfaces-data/caching/cache-entries-are-encrypted-at-rest");
    expect(texts).not.toContain(second.text);
    expect(after?.items.find((item) => item.text === first.text)?.id).toBe(first.id);
  });

  it("fails the build when an item links to a heading that does not exist", () => {
    edit("interfaces-data/pagination.mdx", (source) =>
      source.replace("## Checklist\n\n", "## Checklist\n\n- [ ] Cursors are opaque ([why](#no-such-heading)).\n"),
    );
    expect(() => extractChecklist(copy)).toThrow(/interfaces-data\/pagination#no-such-heading.*no such heading/);
  });

  it("drops a seed item once the page it waits for covers it, and shows it in that page's area until then", () => {
    const shutdown = seedItems.find((item) => item.coveredBy.includes("operations/deployment"));
    if (!shutdown) throw new Error("the seed has no deployment item");
    rmSync(join(copy, "operations", "deployment.mdx"), { force: true }); // as before the deployment page was written
    const waiting = extractChecklist(copy).find((area) => area.id === "operations/deployment");
    expect(waiting?.href).toBeUndefined();
    expect(waiting?.title).toBe("Deployment");
    expect(waiting?.items.map((item) => item.origin)).toContain("seed");

    mkdirSync(join(copy, "operations"), { recursive: true });
    writeFileSync(
      join(copy, "operations", "deployment.mdx"),
      page(
        "## Graceful shutdown\n\n## Checklist\n\n- [ ] **Graceful shutdown**: readiness fails first, then the server drains.\n",
        "Deployment",
      ),
    );
    const covered = extractChecklist(copy).find((area) => area.id === "operations/deployment");
    expect(covered?.href).toBe("/operations/deployment/");
    expect(covered?.items.map((item) => [item.origin, item.href])).toEqual([
      ["page", "/operations/deployment/#graceful-shutdown"],
    ]);
  });

  it("never reads the checklist page itself", () => {
    mkdirSync(join(copy, "operations"), { recursive: true });
    writeFileSync(join(copy, "operations", "production-readiness.mdx"), page("## Checklist\n\n- [ ] Echo\n"));
    expect(allItems(extractChecklist(copy)).map((item) => item.text)).not.toContain("Echo");
  });
});

describe("buildChecklist", () => {
  it("prefixes links with the site's base", () => {
    const pages = [{ slug: "a", page: parsePage(page("## Checklist\n\n- [ ] One\n"), "a.mdx") }];
    const [area] = buildChecklist(pages, { base: "/guide", seed: [], plan: [] });
    expect(area?.href).toBe("/guide/a/");
    expect(area?.items[0]?.href).toBe("/guide/a/#checklist");
  });
});
