import type { FetchLike } from "./http-stock.gateway.ts";

/** The product whose stock lives in a warehouse that cannot be reached: order it to see an upstream failure. */
export const UNREACHABLE_WAREHOUSE_PRODUCT = "p-flaky";

/**
 * Stands in for the warehouse's HTTP API so the example runs offline: a fetch-compatible function
 * answering `GET /stock?ids=a,b` with `{"a": units, ...}`. A request that includes p-flaky fails the
 * way Node's fetch does when the host refuses the connection: TypeError "fetch failed", with the
 * socket error as its cause.
 */
export function simulatedWarehouse(stock: Readonly<Record<string, number>>): FetchLike {
  return async (url) => {
    const ids = new URL(url).searchParams.get("ids")?.split(",") ?? [];
    if (ids.includes(UNREACHABLE_WAREHOUSE_PRODUCT)) {
      const socketError = Object.assign(new Error("connect ECONNREFUSED 10.0.7.21:443"), { code: "ECONNREFUSED" });
      throw new TypeError("fetch failed", { cause: socketError });
    }
    return Response.json(Object.fromEntries(ids.flatMap((id) => (stock[id] === undefined ? [] : [[id, stock[id]]]))));
  };
}
