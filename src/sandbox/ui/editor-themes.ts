/** CodeMirror looks for the site's light and dark themes; colours chosen for WCAG AA contrast on their backgrounds. */
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { tags } from "@lezer/highlight";

export type SiteTheme = "light" | "dark";

const palettes = {
  light: {
    background: "#ffffff",
    text: "#1f2328",
    gutter: "#57606a",
    activeLine: "#f3f4f6",
    selection: "#b6d7ff",
    cursor: "#1f2328",
    keyword: "#a0115e",
    string: "#0a5b2e",
    number: "#8a3c00",
    comment: "#57606a",
    definition: "#0550ae",
    type: "#6639ba",
    property: "#0b4f8a",
  },
  dark: {
    background: "#16191f",
    text: "#e6edf3",
    gutter: "#9aa4b2",
    activeLine: "#222731",
    selection: "#2f4a73",
    cursor: "#e6edf3",
    keyword: "#ff9ec7",
    string: "#9be7a8",
    number: "#ffc68a",
    comment: "#9aa4b2",
    definition: "#8cc4ff",
    type: "#d2b8ff",
    property: "#a5d6ff",
  },
} as const;

/** The editor chrome and syntax colours for one site theme. */
export function editorTheme(theme: SiteTheme): Extension {
  const colors = palettes[theme];
  return [
    EditorView.theme(
      {
        "&": { color: colors.text, backgroundColor: colors.background, height: "100%" },
        ".cm-content": { caretColor: colors.cursor, fontFamily: "var(--sl-font-mono, ui-monospace, monospace)" },
        ".cm-cursor, .cm-dropCursor": { borderLeftColor: colors.cursor },
        "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
          backgroundColor: colors.selection,
        },
        ".cm-gutters": { backgroundColor: colors.background, color: colors.gutter, border: "none" },
        ".cm-activeLine": { backgroundColor: colors.activeLine },
        ".cm-activeLineGutter": { backgroundColor: colors.activeLine },
        ".cm-scroller": { overflow: "auto" },
      },
      { dark: theme === "dark" },
    ),
    syntaxHighlighting(
      HighlightStyle.define([
        { tag: [tags.keyword, tags.modifier, tags.operatorKeyword, tags.controlKeyword], color: colors.keyword },
        { tag: [tags.string, tags.special(tags.string), tags.regexp], color: colors.string },
        { tag: [tags.number, tags.bool, tags.null, tags.atom], color: colors.number },
        { tag: [tags.comment, tags.lineComment, tags.blockComment], color: colors.comment, fontStyle: "italic" },
        { tag: [tags.function(tags.variableName), tags.definition(tags.variableName)], color: colors.definition },
        { tag: [tags.typeName, tags.className, tags.namespace], color: colors.type },
        { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: colors.property },
      ]),
    ),
  ];
}

/** The site's current theme (Starlight sets `data-theme` on <html>). */
export function currentSiteTheme(): SiteTheme {
  return document.documentElement.dataset["theme"] === "light" ? "light" : "dark";
}

/** Calls `onChange` whenever the reader flips the site's theme. */
export function watchSiteTheme(onChange: (theme: SiteTheme) => void): void {
  const observer = new MutationObserver(() => onChange(currentSiteTheme()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
}
