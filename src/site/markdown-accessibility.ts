import type { AstroIntegration } from "astro";
import type { HastPluginDefinition } from "satteri";

/**
 * Sätteri hast plugin fixing two accessibility gaps in rendered Markdown:
 * - the disabled checkboxes GFM draws for `- [ ]` items are decoration on a reading checklist, not
 *   form controls; unlabelled they fail "form elements have labels", so they are hidden from
 *   assistive technology and the item's text is read as a plain list item;
 * - Starlight lets a wide table scroll sideways, and a scrollable region must be reachable by
 *   keyboard (WCAG 2.1.1), so tables join the tab order.
 */
export const markdownAccessibilityPlugin: HastPluginDefinition = {
  name: "guide-markdown-accessibility",
  element: [
    {
      filter: ["input"],
      visit(node, ctx) {
        if (node.properties?.["type"] !== "checkbox" || node.properties?.["disabled"] === undefined) return;
        ctx.setProperty(node, "ariaHidden", "true");
      },
    },
    {
      filter: ["table"],
      visit(node, ctx) {
        ctx.setProperty(node, "tabIndex", 0);
      },
    },
  ],
};

interface SatteriProcessor {
  readonly name: string;
  readonly options: { readonly hastPlugins: unknown[] };
}

function isSatteri(processor: unknown): processor is SatteriProcessor {
  const candidate = processor as Partial<SatteriProcessor> | undefined;
  return candidate?.name === "satteri" && Array.isArray(candidate.options?.hastPlugins);
}

/** Astro integration registering {@link markdownAccessibilityPlugin} with the Markdown processor. */
export function markdownAccessibility(): AstroIntegration {
  return {
    name: "guide-markdown-accessibility",
    hooks: {
      "astro:config:setup": ({ config }) => {
        const processor: unknown = config.markdown.processor;
        if (!isSatteri(processor)) {
          throw new Error("markdownAccessibility() needs Astro's default Markdown processor (Sätteri).");
        }
        processor.options.hastPlugins.push(markdownAccessibilityPlugin);
      },
    },
  };
}
