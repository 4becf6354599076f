/**
 * thread-stream, which pino imports for its transports (a logging pipeline in a worker thread): a page's
 * process is one Web Worker and cannot start worker threads. pino itself works; `pino.transport()` throws.
 */
import { unavailable } from "./unavailable.ts";

const ThreadStream = unavailable(
  "pino.transport() (thread-stream)",
  "it runs in a worker thread; give pino a destination stream instead, or run the example with Node.",
);
export default ThreadStream;
