import { StateConflictError } from "../domain/domain-error.ts";
import { ProductId } from "../domain/identifiers.ts";
import type { NewOrderLine } from "../domain/order.aggregate.ts";
import { Quantity } from "../domain/quantity.value-object.ts";
import type { ProductCatalogue } from "./ports/product-catalogue.port.ts";

/** Turns a requested line into a priced one, using the catalogue's current price (never the client's). */
export async function priceLine(
  catalogue: ProductCatalogue,
  productId: string,
  quantity: number,
): Promise<NewOrderLine> {
  const product = await catalogue.findById(ProductId.of(productId));
  if (product === undefined) {
    throw new StateConflictError("order.known-products", `Product ${productId} does not exist`);
  }
  return { productId: product.id, quantity: Quantity.of(quantity), unitPrice: product.unitPrice };
}
