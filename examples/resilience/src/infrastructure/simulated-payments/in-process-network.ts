import type { Hono } from "hono";
import type { FetchLike } from "../http-payment.gateway.ts";
import type { FaultSwitchboard } from "./payment-faults.ts";

/**
 * A `fetch` that reaches the payments app inside this process, so the example needs one port and runs
 * in the browser too. It is still a real HTTP exchange (a Request in, a Response out); with the `down`
 * fault it fails the way fetch does when nothing listens: a TypeError, before any answer.
 */
export function inProcessFetch(app: Hono, faults: FaultSwitchboard): FetchLike {
  return async (url, init) => {
    if (faults.current.down) throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED payments") });
    return app.request(url, init);
  };
}
