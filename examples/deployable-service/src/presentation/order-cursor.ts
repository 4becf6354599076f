import type { OrderPosition } from "../application/ports/order.repository.port.ts";
import { OrderId } from "../domain/identifiers.ts";

/**
 * The `cursor` of `GET /orders`: the keyset position (createdAt, id) of the last order on a page, as
 * base64url JSON. Clients treat it as opaque, so its contents can change without breaking them;
 * base64url needs no escaping in a query string.
 */
export function encodeOrderCursor(position: OrderPosition): string {
  const json = JSON.stringify({ createdAt: position.createdAt.toISOString(), id: position.id });
  return Buffer.from(json, "utf8").toString("base64url");
}

/** The position inside a cursor, or undefined when the text is not a cursor this service issued. */
export function decodeOrderCursor(cursor: string): OrderPosition | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof decoded !== "object" || decoded === null) return undefined;
  const { createdAt, id } = decoded as Record<string, unknown>;
  if (typeof createdAt !== "string" || typeof id !== "string" || id === "") return undefined;
  const time = new Date(createdAt);
  // Only the exact form encodeOrderCursor writes: rejects "2026-13-45", bare dates, and other hand-made values.
  if (Number.isNaN(time.getTime()) || time.toISOString() !== createdAt) return undefined;
  return { createdAt: time, id: OrderId.of(id) };
}
