import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { MdastPluginDefinition, PluginFactoryContext } from "satteri";
import { missingDiagramText, readDiagramText } from "./accessibility.ts";

/** The local name the injected import gives the diagram component in each page. */
const componentName = "GuideMermaidDiagram";
const componentPath = fileURLToPath(new URL("./MermaidDiagram.astro", import.meta.url));
const mermaidFence = /^\s*(`{3,}|~{3,})\s*mermaid\b/m;

/**
 * Sätteri mdast plugin: turns each ```mermaid fence of an MDX page into the lazy `<MermaidDiagram>`
 * component (imported into the page only when it has a diagram), and fails the build with the page
 * and line when a diagram has no `accTitle`/`accDescr`.
 */
export function mermaidFencePlugin(context: PluginFactoryContext): MdastPluginDefinition | undefined {
  if (!mermaidFence.test(context.source)) return undefined;
  const file = context.fileURL ? relative(process.cwd(), fileURLToPath(context.fileURL)) : "(unnamed page)";
  let found = 0;
  return {
    name: "guide-mermaid-diagrams",
    options: { position: true },
    code(node) {
      if (node.lang !== "mermaid") return undefined;
      const origin = `${file}:${node.position?.start.line ?? 1}`;
      if (context.sourceFormat !== "mdx") {
        throw new Error(`${origin}: Mermaid diagrams need an MDX page; rename ${file} to .mdx.`);
      }
      const missing = missingDiagramText(readDiagramText(node.value));
      if (missing.length > 0)
        throw new Error(`${origin}: this diagram has no text alternative: ${missing.join("; ")}.`);
      found += 1;
      return {
        type: "mdxJsxFlowElement",
        name: componentName,
        attributes: [
          { type: "mdxJsxAttribute", name: "source", value: node.value },
          { type: "mdxJsxAttribute", name: "origin", value: origin },
        ],
        children: [],
      };
    },
    after(root, ctx) {
      if (found === 0) return;
      ctx.prependChild(root, {
        type: "mdxjsEsm",
        value: `import ${componentName} from ${JSON.stringify(componentPath)};`,
      });
    },
  };
}
