/** node:child_process: a page cannot start other programs. */
import { unavailable } from "./unavailable.ts";

const instead = "a web page cannot start other programs; run the example with Node for that.";
export const spawn = unavailable("child_process.spawn()", instead);
export const spawnSync = unavailable("child_process.spawnSync()", instead);
export const exec = unavailable("child_process.exec()", instead);
export const execSync = unavailable("child_process.execSync()", instead);
export const execFile = unavailable("child_process.execFile()", instead);
export const execFileSync = unavailable("child_process.execFileSync()", instead);
export const fork = unavailable("child_process.fork()", instead);
export default { spawn, spawnSync, exec, execSync, execFile, execFileSync, fork };
