import { createHash } from "node:crypto";

let count = 0;

/** A page-unique, build-stable id for a diagram's caption: a hash of its source plus a running number. */
export function nextDiagramId(source: string): string {
  count += 1;
  return `diagram-${createHash("sha256").update(source).digest("hex").slice(0, 8)}-${count}`;
}
