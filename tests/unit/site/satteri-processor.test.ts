import type { AstroConfig } from "astro";
import { describe, expect, it } from "vitest";
import { satteriProcessorOf } from "~/site/satteri-processor.ts";

const configWith = (processor: unknown) => ({ markdown: { processor } }) as unknown as AstroConfig;

describe("satteriProcessorOf", () => {
  it("returns Astro's default processor, whose plugin lists integrations extend", () => {
    const processor = { name: "satteri", options: { mdastPlugins: [], hastPlugins: [] } };
    expect(satteriProcessorOf(configWith(processor), "test()")).toBe(processor);
  });

  it("names the integration when another processor is configured", () => {
    const unified = { name: "unified", options: { remarkPlugins: [], rehypePlugins: [] } };
    expect(() => satteriProcessorOf(configWith(unified), "mermaidDiagrams()")).toThrow(
      /mermaidDiagrams\(\) plugs into Astro's default Markdown processor/,
    );
  });
});
