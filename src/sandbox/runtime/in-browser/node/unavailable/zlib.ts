/** node:zlib: not provided (the page has CompressionStream, with another API). */
import { unavailable } from "./unavailable.ts";

const instead = "use the web's CompressionStream, or run the example with Node.";
export const gzip = unavailable("zlib.gzip()", instead);
export const gzipSync = unavailable("zlib.gzipSync()", instead);
export const gunzip = unavailable("zlib.gunzip()", instead);
export const gunzipSync = unavailable("zlib.gunzipSync()", instead);
export const createGzip = unavailable("zlib.createGzip()", instead);
export const createGunzip = unavailable("zlib.createGunzip()", instead);
export default { gzip, gzipSync, gunzip, gunzipSync, createGzip, createGunzip };
