/** node:events from the `events` package (Node's EventEmitter for browsers), plus `once`/`on` as promises. */
import EventEmitter from "events";

export { EventEmitter };
export const once = (EventEmitter as unknown as { once: (emitter: unknown, name: string) => Promise<unknown[]> }).once;
export const errorMonitor = Symbol("events.errorMonitor");
export const defaultMaxListeners = 10;
export default EventEmitter;
