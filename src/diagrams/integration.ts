import type { AstroIntegration } from "astro";
import { closeDiagramMeasurer } from "./diagram-size.ts";
import { mermaidFencePlugin } from "./mermaid-fence-plugin.ts";
import { satteriProcessorOf } from "../site/satteri-processor.ts";

/** Astro integration: renders ```mermaid fences in the guide's MDX pages as lazy, accessible diagrams. */
export function mermaidDiagrams(): AstroIntegration {
  return {
    name: "guide-mermaid-diagrams",
    hooks: {
      "astro:config:setup": ({ config }) => {
        satteriProcessorOf(config, "mermaidDiagrams()").options.mdastPlugins.push(mermaidFencePlugin);
      },
      "astro:build:done": closeDiagramMeasurer,
      "astro:server:done": closeDiagramMeasurer,
    },
  };
}
