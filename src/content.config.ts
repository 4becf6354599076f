import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { docsSchema } from "@astrojs/starlight/schema";

// Guide pages live in the top-level `content/docs/`, outside `src/`, so the docs
// collection uses Astro's glob loader there instead of Starlight's default docsLoader.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: "./content/docs", pattern: "**/[^_]*.{md,mdx}" }),
    schema: docsSchema(),
  }),
};
