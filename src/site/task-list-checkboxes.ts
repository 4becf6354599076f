import type { AstroIntegration } from "astro";
import type { HastPluginDefinition } from "satteri";

/**
 * Sätteri hast plugin: hides the disabled checkboxes GFM draws for `- [ ]` items from assistive
 * technology. They are decoration on a reading checklist, not form controls, and unlabelled they
 * fail WCAG's "form elements have labels"; the item's text is read as a plain list item instead.
 */
export const taskListCheckboxesPlugin: HastPluginDefinition = {
  name: "guide-task-list-checkboxes",
  element: {
    filter: ["input"],
    visit(node, ctx) {
      if (node.properties?.["type"] !== "checkbox" || node.properties?.["disabled"] === undefined) return;
      ctx.setProperty(node, "ariaHidden", "true");
    },
  },
};

interface SatteriProcessor {
  readonly name: string;
  readonly options: { readonly hastPlugins: unknown[] };
}

function isSatteri(processor: unknown): processor is SatteriProcessor {
  const candidate = processor as Partial<SatteriProcessor> | undefined;
  return candidate?.name === "satteri" && Array.isArray(candidate.options?.hastPlugins);
}

/** Astro integration registering {@link taskListCheckboxesPlugin} with the Markdown processor. */
export function taskListCheckboxes(): AstroIntegration {
  return {
    name: "guide-task-list-checkboxes",
    hooks: {
      "astro:config:setup": ({ config }) => {
        const processor: unknown = config.markdown.processor;
        if (!isSatteri(processor))
          throw new Error("taskListCheckboxes() needs Astro's default Markdown processor (Sätteri).");
        processor.options.hastPlugins.push(taskListCheckboxesPlugin);
      },
    },
  };
}
