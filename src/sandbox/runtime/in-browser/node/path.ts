/** node:path (POSIX) from path-browserify, with `posix` and a `win32` that says it is not provided. */
import path from "path-browserify";

const posix = path as typeof path & { posix?: unknown };
export const {
  basename,
  delimiter,
  dirname,
  extname,
  format,
  isAbsolute,
  join,
  normalize,
  parse,
  relative,
  resolve,
  sep,
} = path;
export const toNamespacedPath = (value: string): string => value;
export const matchesGlob = (): never => {
  throw new Error("path.matchesGlob() is not available in the in-browser runtime.");
};
export { posix };
export const win32 = new Proxy(
  {},
  {
    get() {
      throw new Error("path.win32 is not available in the in-browser runtime (it runs POSIX paths only).");
    },
  },
);
export default path;
