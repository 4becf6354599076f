/**
 * Starlight UI strings the guide words differently from Starlight's defaults (English, the guide's only language).
 * Starlight reads them from the `i18n` content collection (src/content.config.ts).
 */
export const guideUiStrings = {
  // Search is Pagefind's index, which only a production build has; `npm start` is the guide's way to get one.
  "search.devWarning":
    "Search needs the built guide.\nRun `npm start`: it builds the guide once and serves it with search.",
} as const;
