import { describe, expect, it } from "vitest";
import { treeToMermaid } from "./to-mermaid.ts";
import { architectureTree } from "./trees/architecture.ts";

describe("treeToMermaid", () => {
  const source = treeToMermaid(architectureTree);

  it("draws questions as diamonds and other nodes as boxes, with the guide's labels", () => {
    expect(source).toContain('    A["New Feature"]:::dn-A');
    expect(source).toContain('    B{"Complex domain logic?"}:::dn-B');
    expect(source).toContain('    E["Define Entities & Value Objects"]:::dn-E');
  });

  it("labels question edges Yes and No and gives every edge a stable id", () => {
    expect(source).toContain("    B e_B_C@-->|Yes| C");
    expect(source).toContain("    B e_B_D@-->|No| D");
    expect(source).toContain("    H e_H_G@--> G");
  });

  it("makes every node a link to its page, under the site's base path", () => {
    expect(source).toContain(
      '    click C href "/foundations/domain-driven-design/" "Open the guide on: Use Domain-Driven Design"',
    );
    expect(treeToMermaid(architectureTree, "/guide")).toContain(
      'click J href "/guide/foundations/architecture-patterns/#unit-of-work"',
    );
    expect(source.match(/^ {4}click /gm)).toHaveLength(architectureTree.nodes.length);
  });

  it("carries the tree's title and description as Mermaid's accessibility directives", () => {
    expect(source).toMatch(/^ {4}accTitle: Which patterns does this feature need\?$/m);
    expect(source).toMatch(/^ {4}accDescr: The guide's architecture decision flowchart\./m);
  });
});
