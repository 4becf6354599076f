import { StateConflictError } from "./domain-error.ts";
import type { ProductId } from "./identifiers.ts";

/** An order asks for more of a product than the warehouse has: a conflict with the stock as it stands (mapped to 409). */
export class InsufficientStockError extends StateConflictError {
  readonly productId: ProductId;
  readonly requested: number;
  readonly available: number;

  constructor(productId: ProductId, requested: number, available: number) {
    super("product.stock-available", `Only ${available} of ${productId} in stock; ${requested} requested`);
    this.productId = productId;
    this.requested = requested;
    this.available = available;
  }
}
