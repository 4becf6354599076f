/** A tiny element builder, so the views read as structure rather than as createElement calls. */

type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | false | undefined;

/** Creates `<tag>` with attributes (`false`/`undefined` omitted, `true` as empty) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child !== false && child !== undefined) element.append(child);
  }
  return element;
}

let idCount = 0;

/** A page-unique id with a readable prefix, for label/aria references. */
export function uniqueId(prefix: string): string {
  idCount += 1;
  return `${prefix}-${idCount}`;
}

/** Renders README prose with `code` spans as <code>, everything else as text (never as HTML). */
export function inlineMarkdown(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split(/(`[^`]+`)/).forEach((part) => {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 2)
      fragment.append(h("code", {}, part.slice(1, -1)));
    else if (part) fragment.append(part.replace(/\*\*([^*]+)\*\*/g, "$1"));
  });
  return fragment;
}
