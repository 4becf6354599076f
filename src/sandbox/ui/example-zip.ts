/** The example as a .zip with the reader's edits, in a folder named after it, ready for `npm install && npm start`. */
import { strToU8, zipSync } from "fflate";
import type { FileMap } from "../runtime/port.ts";

/** Zip bytes of `files` under `<example>/`. */
export function zipExample(example: string, files: FileMap): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, contents] of Object.entries(files)) entries[`${example}/${path}`] = strToU8(contents);
  return zipSync(entries, { level: 6 });
}
