/** Where a page of orders ended: the last order's time and id (the id breaks ties between equal times). */
export type OrderCursor = { readonly placedAt: string; readonly id: string };

/** The cursor as an opaque string, so clients pass it back and never build one. */
export function encodeCursor(cursor: OrderCursor): string {
  return btoa(JSON.stringify([cursor.placedAt, cursor.id]))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/** The cursor inside an opaque string, or undefined when it is not one this service made. */
export function decodeCursor(text: string): OrderCursor | undefined {
  try {
    const value: unknown = JSON.parse(atob(text.replaceAll("-", "+").replaceAll("_", "/")));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [placedAt, id] = value as unknown[];
    if (typeof placedAt !== "string" || Number.isNaN(Date.parse(placedAt)) || typeof id !== "string") return undefined;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return undefined;
    return { placedAt, id };
  } catch {
    return undefined;
  }
}
