/** node:worker_threads: each process already is a Web Worker, which cannot start Node workers. */
import { unavailable } from "./unavailable.ts";

const instead = "run the example with Node for worker threads.";
export const Worker = unavailable("worker_threads.Worker", instead);
export const isMainThread = true;
export const parentPort = null;
export const workerData = null;
export const threadId = 0;
export default { Worker, isMainThread, parentPort, workerData, threadId };
