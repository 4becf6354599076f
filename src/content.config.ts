import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { docsSchema, i18nSchema } from "@astrojs/starlight/schema";
import { guideUiStrings } from "./site/ui-strings.ts";

export const collections = {
  // Guide pages live in the top-level `content/docs/`, outside `src/`, so the docs
  // collection uses Astro's glob loader there instead of Starlight's default docsLoader.
  docs: defineCollection({
    loader: glob({ base: "./content/docs", pattern: "**/[^_]*.{md,mdx}" }),
    schema: docsSchema(),
  }),
  // Starlight always reads this collection; one inline entry keyed by language (no file path, so Starlight
  // keys it by id) holds the strings the guide rewords.
  i18n: defineCollection({
    loader: () => [{ id: "en", ...guideUiStrings }],
    schema: i18nSchema(),
  }),
};
