/**
 * node:test for the in-browser runtime (implementation in process/test-runner.ts). Mocking (but for
 * mock.timers), snapshots, coverage and --watch are not provided: using them says so.
 */
import { after, afterEach, before, beforeEach, describe, test } from "../process/test-runner.ts";
import { MockTimers } from "./mock-timers.ts";

const notProvided = (feature: string) =>
  new Proxy(
    {},
    {
      get() {
        throw new Error(`${feature} is not available in the in-browser runtime; run the example with Node to use it.`);
      },
    },
  );

export const it = test;
export const suite = describe;
/** `mock.timers` is provided (a fake clock); function and method mocks are not, and using them says so. */
export const mock = new Proxy(
  { timers: new MockTimers() },
  {
    get(target, property) {
      if (property === "timers") return target.timers;
      throw new Error(
        `node:test mock.${String(property)} is not available in the in-browser runtime; run the example with Node to use it.`,
      );
    },
  },
);
export const snapshot = notProvided("node:test snapshot");
export const run = (): never => {
  throw new Error("run() from node:test is not available in the in-browser runtime: use npm test.");
};
export { after, afterEach, before, beforeEach, describe, test };
export default Object.assign(test, {
  test,
  it,
  describe,
  suite,
  before,
  after,
  beforeEach,
  afterEach,
  mock,
  snapshot,
  run,
});
