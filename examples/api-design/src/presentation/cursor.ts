import type { ProductPosition, ProductSort } from "../application/ports/product.repository.port.ts";
import { RequestValidationError } from "./request-errors.ts";

type CursorContent = { readonly sort: ProductSort; readonly key: number; readonly id: string };

/**
 * An opaque cursor: base64url JSON of the last item's position and the sort it belongs to. Opaque so clients
 * cannot build one (and the server may change its contents); it is not a secret, so it is not encrypted.
 */
export function encodeCursor(content: CursorContent): string {
  return Buffer.from(JSON.stringify(content)).toString("base64url");
}

/** The position a cursor names; a 422 when it is damaged or was made for another sort. */
export function decodeCursor(cursor: string, sort: ProductSort): ProductPosition {
  let content: Partial<CursorContent> | undefined;
  try {
    content = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<CursorContent>;
  } catch {
    content = undefined;
  }
  if (typeof content?.key !== "number" || typeof content.id !== "string" || content.sort !== sort) {
    throw new RequestValidationError("The cursor is not valid for this list", [
      { field: "cursor", message: "Pass nextCursor from the previous page unchanged, with the same sort" },
    ]);
  }
  return { key: content.key, id: content.id };
}
