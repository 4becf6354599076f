import type { MiddlewareHandler } from "hono";
import type { Clock } from "../application/ports/clock.port.ts";
import type { IdempotencyStore } from "../application/ports/idempotency-store.port.ts";
import type { ApiEnv } from "./caller.ts";
import {
  IdempotencyKeyReusedError,
  IdempotencyRequestInFlightError,
  RequestValidationError,
} from "./request-errors.ts";

const MAX_KEY_LENGTH = 255;
/** The headers a replay repeats; others (Date, for instance) belong to the moment of sending. */
const REPLAYED_HEADERS = ["content-type", "location", "etag"];

/**
 * Makes a POST safe to retry (the IETF Idempotency-Key draft): the first request with a key runs and its
 * success is stored with a fingerprint of the request; the same key and body again get the stored response
 * without running anything; the same key with another body is a 422; and while the first is still running, a
 * second one gets 409. A refused or failed request stores nothing, so the client may retry it with the same key.
 */
export function idempotency(deps: { store: IdempotencyStore; clock: Clock }): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = c.req.header("Idempotency-Key");
    const caller = c.get("caller");
    if (key === undefined || caller === undefined) return next(); // optional here; an anonymous call gets its 401
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw new RequestValidationError("The Idempotency-Key header is invalid", [
        { field: "Idempotency-Key", message: `Send 1 to ${MAX_KEY_LENGTH} characters, e.g. a UUID` },
      ]);
    }
    // Keys are per caller: two clients that happen to pick the same key never see each other's responses.
    const scopedKey = `${caller.kind === "customer" ? caller.customerId : "staff"}:${key}`;
    const fingerprint = await fingerprintOf(c.req.method, c.req.path, await c.req.text());
    const claim = await deps.store.begin(scopedKey, fingerprint, deps.clock.now());
    if (claim.kind === "mismatch") throw new IdempotencyKeyReusedError(key);
    if (claim.kind === "in-flight") throw new IdempotencyRequestInFlightError(key);
    if (claim.kind === "completed") {
      const { status, headers, body } = claim.response;
      return new Response(body, { status, headers: { ...headers, "Idempotent-Replayed": "true" } });
    }

    await next(); // errors thrown below are already a problem response here (Hono ran onError)
    if (c.res.status >= 200 && c.res.status < 300) {
      const headers = Object.fromEntries(
        REPLAYED_HEADERS.flatMap((name) => {
          const value = c.res.headers.get(name);
          return value === null ? [] : [[name, value]];
        }),
      );
      const stored = { status: c.res.status, headers, body: await c.res.clone().text() };
      await deps.store.complete(scopedKey, stored);
    } else {
      await deps.store.release(scopedKey);
    }
  };
}

/** SHA-256 of the method, the path and the body, with JSON re-serialised so whitespace does not count. */
async function fingerprintOf(method: string, path: string, body: string): Promise<string> {
  let canonical = body;
  try {
    canonical = JSON.stringify(JSON.parse(body));
  } catch {
    // Not JSON: fingerprint the bytes as sent; the route will refuse the body anyway.
  }
  const bytes = new TextEncoder().encode(`${method} ${path}\n${canonical}`);
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Buffer.from(digest).toString("hex");
}
