/** node:buffer from the `buffer` package. */
import { INSPECT_MAX_BYTES, kMaxLength } from "buffer";
import { Buffer } from "./buffer-base.ts";

export { Buffer, INSPECT_MAX_BYTES, kMaxLength };
export const { atob, btoa, Blob, File } = globalThis;
export const constants = { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: 2 ** 29 - 24 };
export default { Buffer, INSPECT_MAX_BYTES, kMaxLength, atob, btoa, Blob, File, constants };
