/** node:fs over the example's files in memory: the sync and callback forms the examples use, and `promises`. */
import * as promises from "./fs-promises.ts";
import {
  accessSync,
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "./fs-promises.ts";

export { Dirent, Stats } from "../process/file-system.ts";

type Callback = (error: Error | null, value?: unknown) => void;

/** The callback form of a sync function: the last argument is the callback, called on a later tick. */
function callbackForm<A extends unknown[]>(work: (...args: A) => unknown) {
  return (...args: unknown[]): void => {
    const callback = args.pop() as Callback;
    queueMicrotask(() => {
      let value: unknown;
      try {
        value = work(...(args as A));
      } catch (error) {
        callback(error as Error);
        return;
      }
      callback(null, value);
    });
  };
}

const realpathWithNative = Object.assign(realpathSync, { native: realpathSync });
export { realpathWithNative as realpathSync };
export {
  accessSync,
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  statSync as lstatSync,
  unlinkSync,
  writeFileSync,
};
export const readFile = callbackForm(readFileSync);
export const writeFile = callbackForm(writeFileSync);
export const readdir = callbackForm(readdirSync);
export const stat = callbackForm(statSync);
export const mkdir = callbackForm(mkdirSync);
export const access = callbackForm(accessSync);
export const realpath = callbackForm(realpathSync);
export const exists = (path: string, callback: (exists: boolean) => void) =>
  queueMicrotask(() => callback(existsSync(path)));
export const constants = promises.constants;
export { promises };

export default {
  promises,
  constants,
  accessSync,
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync: realpathWithNative,
  rmSync,
  statSync,
  lstatSync: statSync,
  unlinkSync,
  writeFileSync,
  readFile,
  writeFile,
  readdir,
  stat,
  mkdir,
  access,
  realpath,
  exists,
};
