/** node:cluster: a process in the page is one Web Worker, the primary, and cannot fork workers. */
import { unavailable } from "./unavailable.ts";

const instead = "a web page cannot fork processes; run the example with Node for a cluster.";
export const isPrimary = true;
export const isMaster = true;
export const isWorker = false;
export const workers = {};
export const fork = unavailable("cluster.fork()", instead);
export const on = unavailable("cluster.on()", instead);
export const setupPrimary = unavailable("cluster.setupPrimary()", instead);
export default { isPrimary, isMaster, isWorker, workers, fork, on, setupPrimary };
