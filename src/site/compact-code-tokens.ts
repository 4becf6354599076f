import { definePlugin, type ExpressiveCodePlugin } from "@expressive-code/core";
import { visit, type Element, type ElementContent } from "@expressive-code/core/hast";

/** A token as the syntax highlighter renders it: a `<span style="…">` holding only text. */
function isPlainToken(node: ElementContent | undefined): node is Element {
  if (node?.type !== "element" || node.tagName !== "span") return false;
  const properties = Object.keys(node.properties ?? {});
  return properties.length === 1 && properties[0] === "style" && node.children.every((child) => child.type === "text");
}

const isBlank = (token: Element) => token.children.every((child) => child.type === "text" && child.value.trim() === "");

/**
 * Folds every whitespace-only token into the token before it. The highlighter gives the spaces
 * between tokens a colour of their own, which nobody can see, at the price of one element each:
 * about one element in seven on the guide's code-heavy pages, which Lighthouse counts against
 * DOM size and style recalculation. The text, and so what is copied, stays the same.
 */
export function compactCodeTokens(parent: Element): void {
  visit(parent, "element", (element: Element) => {
    const children: ElementContent[] = [];
    for (const child of element.children) {
      const previous = children.at(-1);
      if (isPlainToken(child) && isBlank(child) && isPlainToken(previous)) {
        previous.children.push(...child.children);
        continue;
      }
      children.push(child);
    }
    element.children = children;
  });
}

/** Expressive Code plugin applying {@link compactCodeTokens} to every rendered line. */
export function pluginCompactCodeTokens(): ExpressiveCodePlugin {
  return definePlugin({
    name: "guide-compact-code-tokens",
    hooks: {
      postprocessRenderedLine: ({ renderData }) => compactCodeTokens(renderData.lineAst),
    },
  });
}
