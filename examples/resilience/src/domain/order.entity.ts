import { BusinessRuleViolationError } from "./domain-error.ts";
import type { CustomerId, OrderId, ProductId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";
import type { Product } from "./product.entity.ts";

/** One line of an order, priced when the order is placed. */
export type OrderLine = {
  readonly productId: ProductId;
  readonly quantity: number;
  readonly unitPrice: Money;
};

/** What placing an order needs: the already-loaded products and the time from the caller's clock. */
export type PlaceOrderInput = {
  readonly id: OrderId;
  readonly customerId: CustomerId;
  readonly lines: readonly { readonly product: Product; readonly quantity: number }[];
  readonly placedAt: Date;
};

/** The canon's order statuses this example uses: placed (pending), then paid (confirmed). */
export type OrderStatus = "pending" | "confirmed";

/**
 * An order of the shop. It is placed pending and confirmed once the payments service has charged it;
 * `paymentId` is that charge. Created only through `place`, which checks every rule.
 */
export class Order {
  static readonly MAX_LINES = 10;
  static readonly MIN_QUANTITY = 1;
  static readonly MAX_QUANTITY = 99;

  readonly id: OrderId;
  readonly customerId: CustomerId;
  readonly lines: readonly OrderLine[];
  readonly placedAt: Date;
  private currentStatus: OrderStatus = "pending";
  private currentPaymentId: string | null = null;

  private constructor(id: OrderId, customerId: CustomerId, lines: readonly OrderLine[], placedAt: Date) {
    this.id = id;
    this.customerId = customerId;
    this.lines = Object.freeze([...lines]);
    this.placedAt = placedAt;
  }

  /** Places a pending order, or throws the error of the first rule it breaks (all 422: the request can never succeed as sent). */
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
    const lines = input.lines.map(({ product, quantity }) => {
      if (!Number.isSafeInteger(quantity) || quantity < Order.MIN_QUANTITY || quantity > Order.MAX_QUANTITY) {
        throw new BusinessRuleViolationError(
          "quantity.range",
          `Quantity of ${product.id} must be a whole number from ${Order.MIN_QUANTITY} to ${Order.MAX_QUANTITY}, not ${quantity}`,
        );
      }
      return { productId: product.id, quantity, unitPrice: product.unitPrice };
    });
    const order = new Order(input.id, input.customerId, lines, input.placedAt);
    order.total(); // a mix of currencies throws here, before anyone charges for the order
    return order;
  }

  get status(): OrderStatus {
    return this.currentStatus;
  }

  get paymentId(): string | null {
    return this.currentPaymentId;
  }

  /** Sum of quantity × unit price over all lines. */
  total(): Money {
    // place() guarantees at least one line, so reduce always has a first amount to start from.
    return this.lines.map((line) => line.unitPrice.times(line.quantity)).reduce((sum, amount) => sum.add(amount));
  }

  /** The payments service charged the total: the order is confirmed. */
  confirmPayment(paymentId: string): void {
    this.currentPaymentId = paymentId;
    this.currentStatus = "confirmed";
  }
}
