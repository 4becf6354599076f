import type { AstroConfig } from "astro";

/** The parts of Astro's default Markdown processor (Sätteri) that integrations add plugins to. */
export interface SatteriProcessor {
  readonly name: "satteri";
  readonly options: { readonly mdastPlugins: unknown[]; readonly hastPlugins: unknown[] };
}

/**
 * The site's Sätteri processor, so an integration can add Markdown plugins to it; throws with the
 * integration's name when `markdown.processor` is set to something else.
 */
export function satteriProcessorOf(config: AstroConfig, integration: string): SatteriProcessor {
  const candidate = config.markdown.processor as unknown as Partial<SatteriProcessor> | undefined;
  const isSatteri =
    candidate?.name === "satteri" &&
    Array.isArray(candidate.options?.mdastPlugins) &&
    Array.isArray(candidate.options?.hastPlugins);
  if (!isSatteri) {
    throw new Error(
      `${integration} plugs into Astro's default Markdown processor (Sätteri); \`markdown.processor\` is set to something else.`,
    );
  }
  return candidate as SatteriProcessor;
}
