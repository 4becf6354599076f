import { BusinessRuleViolationError } from "./domain-error.ts";
import type { CustomerId, OrderId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";
import type { OrderLine } from "./order-line.value-object.ts";

/** Everything an order is made of; repositories rebuild orders from it. */
export type OrderState = {
  readonly id: OrderId;
  readonly customerId: CustomerId;
  readonly placedAt: Date;
  readonly lines: readonly OrderLine[];
};

/** A placed order. Kept small here: this example is about storing it, not about its lifecycle. */
export class Order {
  static readonly MAX_LINES = 10;

  readonly id: OrderId;
  readonly customerId: CustomerId;
  readonly placedAt: Date;
  readonly lines: readonly OrderLine[];

  private constructor(state: OrderState) {
    this.id = state.id;
    this.customerId = state.customerId;
    this.placedAt = state.placedAt;
    this.lines = Object.freeze([...state.lines]);
  }

  /** Factory for a new order: at least one line, at most MAX_LINES. */
  static place(state: OrderState): Order {
    if (state.lines.length === 0) throw new BusinessRuleViolationError("order.not-empty", "An order needs a line");
    if (state.lines.length > Order.MAX_LINES) {
      throw new BusinessRuleViolationError("order.max-lines", `An order holds at most ${Order.MAX_LINES} lines`);
    }
    return new Order(state);
  }

  /** Rebuilds a stored order without re-running the factory's checks (they held when it was placed). */
  static restore(state: OrderState): Order {
    return new Order(state);
  }

  get total(): Money {
    const [first, ...rest] = this.lines.map((line) => line.unitPrice.times(line.quantity.value));
    if (first === undefined) throw new BusinessRuleViolationError("order.not-empty", "An order needs a line");
    return rest.reduce((sum, amount) => sum.add(amount), first);
  }
}
