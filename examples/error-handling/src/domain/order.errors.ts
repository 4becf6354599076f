import { BusinessRuleViolationError } from "./domain-error.ts";
import type { ProductId } from "./identifiers.ts";

/** An order asks for more of a product than the warehouse has (mapped to 409, like every rule violation). */
export class InsufficientStockError extends BusinessRuleViolationError {
  readonly productId: ProductId;
  readonly requested: number;
  readonly available: number;

  constructor(productId: ProductId, requested: number, available: number) {
    super("order-line.in-stock", `Only ${available} of ${productId} in stock; ${requested} requested`);
    this.productId = productId;
    this.requested = requested;
    this.available = available;
  }
}
