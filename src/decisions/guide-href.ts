import type { GuideLink } from "./tree.ts";

/** The site URL of a guide link, with the trailing slash the site uses, e.g. "/foundations/caching/#ttl". */
export function guideHref(link: GuideLink, base = "/"): string {
  const prefix = base.endsWith("/") ? base : `${base}/`;
  const hash = link.section === undefined ? "" : `#${link.section}`;
  return `${prefix}${link.page}/${hash}`;
}
