import type { Customer } from "./customer.entity.ts";
import { BusinessRuleViolationError, StateConflictError } from "./domain-error.ts";
import type { CustomerId, OrderId, ProductId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";
import type { Product } from "./product.entity.ts";

/** One line of an order: the price is copied from the product when the order is placed, so later price changes do not rewrite history. */
export type OrderLine = {
  readonly productId: ProductId;
  readonly quantity: number;
  readonly unitPrice: Money;
};

/** What placing an order needs: the already-loaded customer and products, and the time from the caller's clock. */
export type PlaceOrderInput = {
  readonly id: OrderId;
  readonly customer: Customer;
  readonly lines: readonly { readonly product: Product; readonly quantity: number }[];
  readonly createdAt: Date;
};

/** An order placed by a customer. Created only through `place`, which checks every rule, so an Order in memory is always valid. */
export class Order {
  static readonly MAX_LINES = 10;
  static readonly MIN_QUANTITY = 1;
  static readonly MAX_QUANTITY = 99;

  readonly id: OrderId;
  readonly customerId: CustomerId;
  readonly lines: readonly OrderLine[];
  readonly createdAt: Date;

  private constructor(id: OrderId, customerId: CustomerId, lines: readonly OrderLine[], createdAt: Date) {
    this.id = id;
    this.customerId = customerId;
    this.lines = Object.freeze([...lines]);
    this.createdAt = createdAt;
  }

  /** Places a new order, or throws the error of the first rule it breaks: 409 for the customer's state, 422 for the rest. */
  static place(input: PlaceOrderInput): Order {
    if (!input.customer.active) {
      throw new StateConflictError(
        "order.customer-active",
        `Customer ${input.customer.id} is inactive and cannot place orders`,
      );
    }
    if (input.lines.length === 0) {
      throw new BusinessRuleViolationError("order.not-empty", "An order needs at least one line");
    }
    if (input.lines.length > Order.MAX_LINES) {
      throw new BusinessRuleViolationError(
        "order.max-lines",
        `An order has at most ${Order.MAX_LINES} lines; this one has ${input.lines.length}`,
      );
    }
    const lines = input.lines.map(({ product, quantity }) => {
      if (!Number.isSafeInteger(quantity) || quantity < Order.MIN_QUANTITY || quantity > Order.MAX_QUANTITY) {
        throw new BusinessRuleViolationError(
          "quantity.range",
          `Quantity of ${product.id} must be a whole number from ${Order.MIN_QUANTITY} to ${Order.MAX_QUANTITY}, not ${quantity}`,
        );
      }
      return { productId: product.id, quantity, unitPrice: product.unitPrice };
    });
    const order = new Order(input.id, input.customer.id, lines, input.createdAt);
    order.total(); // a mix of currencies throws here, before anyone can save the order
    return order;
  }

  /** Sum of quantity × unit price over all lines. */
  total(): Money {
    // place() guarantees at least one line, so reduce always has a first amount to start from.
    return this.lines.map((line) => line.unitPrice.times(line.quantity)).reduce((sum, amount) => sum.add(amount));
  }
}
