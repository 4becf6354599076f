import type { AstroIntegration } from "astro";
import type { HastPluginDefinition } from "satteri";
import { satteriProcessorOf } from "./satteri-processor.ts";

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

/** Astro integration registering {@link markdownAccessibilityPlugin} with the Markdown processor. */
export function markdownAccessibility(): AstroIntegration {
  return {
    name: "guide-markdown-accessibility",
    hooks: {
      "astro:config:setup": ({ config }) => {
        satteriProcessorOf(config, "markdownAccessibility()").options.hastPlugins.push(markdownAccessibilityPlugin);
      },
    },
  };
}
