import { describe, expect, it } from "vitest";
import { missingDiagramText, readDiagramText } from "./accessibility.ts";

describe("readDiagramText", () => {
  it("reads single-line accTitle and accDescr", () => {
    expect(readDiagramText("flowchart LR\n  accTitle: Orders\n  accDescr: Placed, then paid.\n  A --> B")).toEqual({
      title: "Orders",
      description: "Placed, then paid.",
    });
  });

  it("joins a multi-line accDescr block into one sentence", () => {
    const source =
      "sequenceDiagram\n  accTitle: Call\n  accDescr {\n    The client calls.\n    The API answers.\n  }\n  C->>A: GET";
    expect(readDiagramText(source).description).toBe("The client calls. The API answers.");
  });

  it("reports what is missing", () => {
    const text = readDiagramText("flowchart LR\n  A --> B");
    expect(text).toEqual({ title: undefined, description: undefined });
    expect(missingDiagramText(text)).toHaveLength(2);
    expect(missingDiagramText(readDiagramText("flowchart LR\n  accTitle: T\n  A --> B"))).toEqual([
      "add an `accDescr: …` line (what the diagram shows, in a sentence or two)",
    ]);
  });
});
