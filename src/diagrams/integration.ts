import type { AstroIntegration } from "astro";
import { closeDiagramMeasurer } from "./diagram-size.ts";
import { mermaidFencePlugin } from "./mermaid-fence-plugin.ts";

interface SatteriProcessor {
  readonly name: string;
  readonly options: { readonly mdastPlugins: unknown[] };
}

function isSatteri(processor: unknown): processor is SatteriProcessor {
  const candidate = processor as Partial<SatteriProcessor> | undefined;
  return candidate?.name === "satteri" && Array.isArray(candidate.options?.mdastPlugins);
}

/** Astro integration: renders ```mermaid fences in the guide's MDX pages as lazy, accessible diagrams. */
export function mermaidDiagrams(): AstroIntegration {
  return {
    name: "guide-mermaid-diagrams",
    hooks: {
      "astro:config:setup": ({ config }) => {
        const processor: unknown = config.markdown.processor;
        if (!isSatteri(processor)) {
          throw new Error(
            "mermaidDiagrams() plugs into Astro's default Markdown processor (Sätteri); `markdown.processor` is set to something else.",
          );
        }
        processor.options.mdastPlugins.push(mermaidFencePlugin);
      },
      "astro:build:done": closeDiagramMeasurer,
      "astro:server:done": closeDiagramMeasurer,
    },
  };
}
