/**
 * A checklist item's inline Markdown as HTML for its label. Only phrasing the pages use is kept (code, strong,
 * emphasis, strikethrough); links become their text, because a link inside a checkbox's label would steal its clicks
 * and the item already links to its section. Everything is escaped: page text never becomes markup.
 */
import type { PhrasingContent } from "mdast";
import { toString } from "mdast-util-to-string";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const wrapping: Partial<Record<PhrasingContent["type"], string>> = { strong: "strong", emphasis: "em", delete: "del" };

/** HTML for a run of inline mdast nodes. */
export function inlineHtml(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return escapeHtml(node.value.replace(/\s+/g, " "));
      if (node.type === "inlineCode") return `<code>${escapeHtml(node.value)}</code>`;
      const tag = wrapping[node.type];
      if (tag && "children" in node) return `<${tag}>${inlineHtml(node.children)}</${tag}>`;
      if (node.type === "link") return inlineHtml(node.children);
      if (node.type === "break") return " ";
      return escapeHtml(toString(node));
    })
    .join("");
}
