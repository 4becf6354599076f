import { StateConflictError } from "./domain-error.ts";

/** Not enough units left to reserve what an order asks for: the checkout saga compensates. */
export class InsufficientStockError extends StateConflictError {
  constructor(productId: string, requested: number, available: number) {
    super("product.stock-available", `Product ${productId} has ${available} in stock; ${requested} requested`);
  }
}
