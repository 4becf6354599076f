import type { Context } from "hono";

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

/**
 * The address the connection came from, as the Node server saw it. Not X-Forwarded-For: any client can write
 * that header. Behind a proxy you trust, take the address your proxy appends, and only that one.
 */
export function clientAddress(c: Context): string {
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? "unknown";
}
