import { PreconditionRequiredError } from "./request-errors.ts";

/** The strong ETag of a version: `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * Reads If-Match into a test on the current version (RFC 9110, section 13.1.1): `*` matches any version,
 * otherwise one of the listed strong ETags must be the current one; a weak ETag (`W/"3"`) never matches.
 * The test runs inside the use case, after the permission and existence checks, so a missing header is a 428
 * only for a change that could otherwise happen.
 */
export function ifMatchCondition(header: string | undefined, what: string): (version: number) => boolean {
  return (version) => {
    if (header === undefined || header.trim() === "") {
      throw new PreconditionRequiredError(`Send If-Match with the ETag that GET ${what} returned`);
    }
    if (header.trim() === "*") return true;
    return header.split(",").some((tag) => tag.trim() === etagOf(version));
  };
}
