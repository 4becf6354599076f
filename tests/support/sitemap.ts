/** Paths of every page listed in the built sitemap, read through the running server. */
export async function sitemapPaths(baseURL: string): Promise<string[]> {
  const index = await (await fetch(new URL("/sitemap-index.xml", baseURL))).text();
  const sitemapUrls = locations(index);
  const pages: string[] = [];
  for (const sitemapUrl of sitemapUrls) {
    const sitemap = await (await fetch(new URL(new URL(sitemapUrl).pathname, baseURL))).text();
    pages.push(...locations(sitemap).map((loc) => new URL(loc).pathname));
  }
  return pages;
}

function locations(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? "").filter(Boolean);
}
