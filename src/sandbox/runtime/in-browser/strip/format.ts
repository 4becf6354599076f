import type { StripError } from "../protocol.ts";

/** How Node prints a type-stripping failure of a file it was asked to load. */
export function formatStripError(fileUrl: string, error: StripError): string {
  return `${fileUrl}:${error.line}\n${error.snippet}\n\nSyntaxError [${error.code}]: ${error.message}\n`;
}
