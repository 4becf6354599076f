/** Injected by the build into bundled npm code that reads the free variable `process` (util, assert). */
export { default as process } from "./process.ts";
