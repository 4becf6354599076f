/** path-browserify ships no types; it is Node's POSIX path module for browsers. */
declare module "path-browserify" {
  import { posix } from "node:path";
  export default posix;
}
