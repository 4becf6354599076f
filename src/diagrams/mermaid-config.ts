import type { MermaidConfig } from "mermaid";

/** The site's system font stack; diagrams are measured and drawn with it so their sizes match. */
const diagramFont = `-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`;

/** Mermaid's configuration for the guide, in the site's light or dark theme. */
export function mermaidConfig(theme: "light" | "dark"): MermaidConfig {
  return {
    startOnLoad: false,
    securityLevel: "strict",
    theme: theme === "dark" ? "dark" : "default",
    fontFamily: diagramFont,
    // Mermaid 12 defaults to the ELK layout, a 1.5 MB download; dagre draws these diagrams just as well.
    layout: "dagre",
    look: "classic",
  };
}
