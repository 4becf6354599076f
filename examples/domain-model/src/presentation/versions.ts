import type { Context } from "hono";
import { PreconditionRequiredError } from "./request-errors.ts";

/** The strong ETag of a version: the number in double quotes, as RFC 9110 spells entity tags. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version a change was decided on, from its If-Match header. Required, so no client can overwrite
 * a change it never saw. `*` (any current version) gives undefined: the save's compare-and-set still
 * guards against a concurrent change. An ETag that is not one of ours gives -1, which no order has
 * (so the use case answers 412, as RFC 9110 says for a tag that does not match).
 */
export function expectedVersion(c: Context): number | undefined {
  const header = c.req.header("If-Match")?.trim();
  if (header === undefined || header === "") {
    throw new PreconditionRequiredError(
      `Send If-Match with the ETag of the order as you last read it; GET /orders/${c.req.param("id")} returns it`,
    );
  }
  if (header === "*") return undefined;
  const match = /^"(\d{1,9})"$/.exec(header);
  return match?.[1] === undefined ? -1 : Number(match[1]);
}
