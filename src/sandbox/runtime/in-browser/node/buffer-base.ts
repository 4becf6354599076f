/**
 * The `buffer` package's Buffer, taught the `base64url` encoding Node has had since v15.7
 * (the package stops at base64). Every stand-in takes Buffer from here.
 */
import { Buffer } from "buffer";

type Encoding = BufferEncoding;
const toBase64 = (text: string) => text.replace(/-/g, "+").replace(/_/g, "/");
const isBase64Url = (encoding: unknown) => typeof encoding === "string" && encoding.toLowerCase() === "base64url";

const originalFrom = Buffer.from.bind(Buffer) as (...args: unknown[]) => Buffer;
Buffer.from = function from(value: unknown, encodingOrOffset?: unknown, length?: unknown): Buffer {
  if (typeof value === "string" && isBase64Url(encodingOrOffset)) return originalFrom(toBase64(value), "base64");
  return originalFrom(value, encodingOrOffset, length);
} as typeof Buffer.from;

const originalToString = Buffer.prototype.toString as (this: Buffer, ...args: unknown[]) => string;
Buffer.prototype.toString = function toString(
  this: Buffer,
  encoding?: unknown,
  start?: unknown,
  end?: unknown,
): string {
  if (isBase64Url(encoding))
    return originalToString.call(this, "base64", start, end).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return originalToString.call(this, encoding, start, end);
} as typeof Buffer.prototype.toString;

const originalByteLength = Buffer.byteLength.bind(Buffer) as (...args: unknown[]) => number;
Buffer.byteLength = function byteLength(value: unknown, encoding?: unknown): number {
  return isBase64Url(encoding)
    ? originalByteLength(toBase64(String(value)), "base64")
    : originalByteLength(value, encoding);
} as typeof Buffer.byteLength;

const originalIsEncoding = Buffer.isEncoding.bind(Buffer);
Buffer.isEncoding = (encoding: string): encoding is Encoding & string =>
  isBase64Url(encoding) || originalIsEncoding(encoding);

export { Buffer };
