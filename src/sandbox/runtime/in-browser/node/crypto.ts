/**
 * node:crypto over WebCrypto: randomUUID, getRandomValues/randomBytes/randomInt, timingSafeEqual,
 * and createHash for SHA-1/256/384/512. WebCrypto hashes are asynchronous while Node's digest()
 * is synchronous, so createHash says so instead of returning a wrong value.
 */
import { Buffer } from "./buffer-base.ts";

export const webcrypto = globalThis.crypto;
export const subtle = globalThis.crypto.subtle;
export const randomUUID = (): string => globalThis.crypto.randomUUID();
export const getRandomValues = <T extends ArrayBufferView | null>(array: T): T =>
  globalThis.crypto.getRandomValues(array as unknown as Uint8Array) as unknown as T;

export function randomBytes(size: number, callback?: (error: Error | null, bytes: Buffer) => void): Buffer {
  const bytes = Buffer.alloc(size);
  globalThis.crypto.getRandomValues(bytes);
  if (callback) queueMicrotask(() => callback(null, bytes));
  return bytes;
}

export function randomInt(minOrMax: number, max?: number): number {
  const [low, high] = max === undefined ? [0, minOrMax] : [minOrMax, max];
  const range = high - low;
  const words = new Uint32Array(1);
  globalThis.crypto.getRandomValues(words);
  return low + (words[0]! % range);
}

export function timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.byteLength !== b.byteLength)
    throw Object.assign(new RangeError("Input buffers must have the same byte length"), {
      code: "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH",
    });
  const left = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const right = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  let difference = 0;
  for (let index = 0; index < left.length; index += 1) difference |= left[index]! ^ right[index]!;
  return difference === 0;
}

export function createHash(algorithm: string): never {
  throw new Error(
    `crypto.createHash("${algorithm}") is not available in the in-browser runtime: browsers hash only asynchronously. ` +
      `Use crypto.subtle.digest("SHA-256", data) (WebCrypto, also in Node), or run the example with Node.`,
  );
}
export const createHmac = (algorithm: string): never => createHash(`hmac ${algorithm}`);
export const getHashes = (): string[] => ["sha1", "sha256", "sha384", "sha512"];

export default {
  webcrypto,
  subtle,
  randomUUID,
  getRandomValues,
  randomBytes,
  randomInt,
  timingSafeEqual,
  createHash,
  createHmac,
  getHashes,
};
