import { BusinessRuleViolationError } from "./domain-error.ts";
import type { OrderId, ProductId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";
import { InsufficientStockError } from "./order.errors.ts";
import type { Product } from "./product.entity.ts";

/** One line of an order, priced when the order is placed. */
export type OrderLine = {
  readonly productId: ProductId;
  readonly quantity: number;
  readonly unitPrice: Money;
};

/** What placing an order needs: loaded products, how many of each the warehouse has, and the time. */
export type PlaceOrderInput = {
  readonly id: OrderId;
  readonly lines: readonly { readonly product: Product; readonly quantity: number; readonly inStock: number }[];
  readonly createdAt: Date;
};

/** An order. Created only through `place`, which checks every rule, so an Order in memory is always valid. */
export class Order {
  static readonly MAX_LINES = 10;
  static readonly MIN_QUANTITY = 1;
  static readonly MAX_QUANTITY = 99;

  readonly id: OrderId;
  readonly lines: readonly OrderLine[];
  readonly createdAt: Date;

  private constructor(id: OrderId, lines: readonly OrderLine[], createdAt: Date) {
    this.id = id;
    this.lines = Object.freeze([...lines]);
    this.createdAt = createdAt;
  }

  /** Places a new order, or throws the error of the first rule it breaks (422 for the order itself, 409 for stock). */
  static place(input: PlaceOrderInput): Order {
    if (input.lines.length === 0) {
      throw new BusinessRuleViolationError("order.not-empty", "An order needs at least one line");
    }
    if (input.lines.length > Order.MAX_LINES) {
      throw new BusinessRuleViolationError(
        "order.max-lines",
        `An order has at most ${Order.MAX_LINES} lines; this one has ${input.lines.length}`,
      );
    }
    const requested = new Map<ProductId, number>(); // two lines for one product draw on the same stock
    const lines = input.lines.map(({ product, quantity, inStock }) => {
      if (!Number.isSafeInteger(quantity) || quantity < Order.MIN_QUANTITY || quantity > Order.MAX_QUANTITY) {
        throw new BusinessRuleViolationError(
          "quantity.range",
          `Quantity of ${product.id} must be a whole number from ${Order.MIN_QUANTITY} to ${Order.MAX_QUANTITY}, not ${quantity}`,
        );
      }
      // Raised here, deep inside the domain; only the HTTP edge decides what it means for a client.
      const total = (requested.get(product.id) ?? 0) + quantity;
      requested.set(product.id, total);
      if (total > inStock) throw new InsufficientStockError(product.id, total, inStock);
      return { productId: product.id, quantity, unitPrice: product.unitPrice };
    });
    const order = new Order(input.id, lines, input.createdAt);
    order.total(); // a mix of currencies throws here, before anyone can save the order
    return order;
  }

  /** Rebuilds an order that was placed before (from storage); the rules were checked when it was placed. */
  static restore(id: OrderId, lines: readonly OrderLine[], createdAt: Date): Order {
    return new Order(id, lines, createdAt);
  }

  /** Sum of quantity × unit price over all lines. */
  total(): Money {
    // place() guarantees at least one line, so reduce always has a first amount to start from.
    return this.lines.map((line) => line.unitPrice.times(line.quantity)).reduce((sum, amount) => sum.add(amount));
  }
}
