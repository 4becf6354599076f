import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkDiagram, checkPages, formatProblem } from "./check-diagrams.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("every diagram in the guide", () => {
  it("parses with Mermaid and has a text alternative", async () => {
    const { diagrams, problems } = await checkPages(join(root, "content/docs"), root);
    console.log(`checked ${diagrams} diagram(s) in content/docs`);
    expect(problems.map(formatProblem)).toEqual([]);
  });
});

describe("checkDiagram", () => {
  const valid = "flowchart LR\n  accTitle: Order flow\n  accDescr: An order is placed, then paid.\n  Placed --> Paid";

  it("accepts a valid diagram with accTitle and accDescr", async () => {
    expect(await checkDiagram(valid, "page.mdx", 10)).toEqual([]);
  });

  it("reports a syntax error at the page line Mermaid names", async () => {
    const broken = "flowchart LR\n  accTitle: Broken\n  accDescr: Missing a target.\n  Placed -->";
    const problems = await checkDiagram(broken, "page.mdx", 10);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^Mermaid cannot parse this diagram: Parse error on line/);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(13);
    expect(problems[0]?.line).toBeLessThanOrEqual(14);
  });

  it("reports a missing accTitle and accDescr at the fence line", async () => {
    const problems = await checkDiagram("sequenceDiagram\n  Client->>Api: GET /orders/1", "page.mdx", 7);
    expect(problems.map(formatProblem)).toEqual([
      "page.mdx:7: diagram has no text alternative: add an `accTitle: …` line (the diagram's short name for screen readers)",
      "page.mdx:7: diagram has no text alternative: add an `accDescr: …` line (what the diagram shows, in a sentence or two)",
    ]);
  });

  it("accepts class and state diagrams with a multi-line accDescr block", async () => {
    const classes =
      "classDiagram\n  accTitle: Order aggregate\n  accDescr {\n    An order owns its lines.\n  }\n  Order *-- OrderLine";
    const states =
      "stateDiagram-v2\n  accTitle: Order states\n  accDescr: Pending, then paid.\n  [*] --> Pending\n  Pending --> Paid";
    expect(await checkDiagram(classes, "a.mdx", 1)).toEqual([]);
    expect(await checkDiagram(states, "a.mdx", 1)).toEqual([]);
  });
});

describe("checkPages", () => {
  it("finds fences in MDX pages, with frontmatter, and names file and line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "diagram-check-"));
    await mkdir(join(dir, "docs", "topic"), { recursive: true });
    const page = ["---", "title: T", "---", "", "# T", "", "```mermaid", "flowchart TD", "  A --> B", "```", ""].join(
      "\n",
    );
    await writeFile(join(dir, "docs", "topic", "page.mdx"), page);
    const { diagrams, problems } = await checkPages(join(dir, "docs"), dir);
    expect(diagrams).toBe(1);
    expect(problems.map((problem) => `${problem.file}:${problem.line}`)).toEqual([
      "docs/topic/page.mdx:7",
      "docs/topic/page.mdx:7",
    ]);
  });
});
