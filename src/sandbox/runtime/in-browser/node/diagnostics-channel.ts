/**
 * node:diagnostics_channel: libraries publish to named channels (pino traces each log call through one),
 * which costs nothing while nobody subscribes. The runtime has no tracing hooks to subscribe with, so
 * channels report no subscribers and publishing does nothing, as in Node with no subscriber; subscribing
 * throws, naming the feature.
 */
import { unavailable } from "./unavailable/unavailable.ts";

const instead = "diagnostics_channel subscriptions need Node; run the example with Node to observe them.";
export const subscribe = unavailable("diagnostics_channel.subscribe()", instead);
export const unsubscribe = (): boolean => false;
export const hasSubscribers = (): boolean => false;

/** A named channel that nobody can subscribe to. */
export function channel(name: string | symbol) {
  return { name, hasSubscribers: false, publish: (): void => {}, subscribe, unsubscribe, bindStore: subscribe };
}

/** A tracing channel without subscribers: each trace* method just calls the function, as Node does then. */
export function tracingChannel(name: string) {
  const call = <T>(fn: (...args: unknown[]) => T, _context?: object, thisArg?: unknown, ...args: unknown[]): T =>
    Reflect.apply(fn, thisArg, args);
  return {
    name,
    hasSubscribers: false,
    subscribe,
    unsubscribe,
    traceSync: call,
    tracePromise: call,
    traceCallback: call,
  };
}

export default { channel, tracingChannel, subscribe, unsubscribe, hasSubscribers };
