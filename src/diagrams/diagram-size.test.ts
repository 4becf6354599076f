import { afterAll, describe, expect, it } from "vitest";
import { locateChromium } from "../site/chromium.ts";
import { closeDiagramMeasurer, measureDiagram } from "./diagram-size.ts";

const chromium = locateChromium();
if (!chromium) console.log("diagram-size tests skipped: no Chromium (set CHROMIUM_PATH) to draw diagrams with");

describe.skipIf(!chromium)("measureDiagram", () => {
  afterAll(closeDiagramMeasurer);

  it("measures a diagram as Mermaid draws it: a left-to-right chain is wider and flatter than a top-down one", async () => {
    const chain = (direction: string) =>
      `flowchart ${direction}\n  accTitle: Chain ${Date.now()}\n  accDescr: Three steps.\n  A[Place order] --> B[Pay] --> C[Ship]`;
    const wide = await measureDiagram(chain("LR"), "test.mdx:1");
    const tall = await measureDiagram(chain("TD"), "test.mdx:2");
    expect(wide && tall).toBeTruthy();
    expect(wide!.width).toBeGreaterThan(tall!.width);
    expect(tall!.height).toBeGreaterThan(wide!.height);
  });

  it("fails with the diagram's origin when Mermaid cannot draw it", async () => {
    await expect(measureDiagram("flowchart LR\n  A -->", "content/docs/page.mdx:12")).rejects.toThrow(
      /^content\/docs\/page\.mdx:12: Mermaid cannot draw this diagram: Parse error/,
    );
  });
});
