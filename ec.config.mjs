// @ts-check
// Expressive Code's options live here rather than in astro.config.mjs so that the `<Code>` component
// (used by generated reference pages) can load them: it needs them in a file of their own.
import { defineEcConfig } from "@astrojs/starlight/expressive-code";
import { pluginCollapsibleSections } from "@expressive-code/plugin-collapsible-sections";
import { pluginCompactCodeTokens } from "./src/site/compact-code-tokens.ts";

export default defineEcConfig({
  // `collapse={1-6}` on a fence folds lines a reader can skip (imports, wiring) behind a one-line summary.
  // Whitespace between tokens joins the token before it: fewer elements, the same text.
  plugins: [pluginCollapsibleSections(), pluginCompactCodeTokens()],
  // Long lines wrap, keeping their indent, instead of scrolling sideways: code reads at 390 px without
  // horizontal scrolling, and no code block becomes a scrollable region a keyboard cannot reach.
  defaultProps: { wrap: true, preserveIndent: true },
});
