import { BusinessRuleViolationError } from "./domain-error.ts";
import type { Money } from "./money.value-object.ts";

const MAX_LINES = 10;
const MAX_QUANTITY = 99;

/** One line of an order: the unit price is copied when the order is placed, so later price changes never alter it. */
export type OrderLine = { readonly productId: string; readonly quantity: number; readonly unitPrice: Money };

/** Everything an order is made of, as stored. */
export type OrderState = {
  readonly id: string;
  readonly customerId: string;
  readonly lines: readonly OrderLine[];
  readonly status: "pending";
  readonly createdAt: Date;
};

/**
 * An order. This API only places and reads them (the lifecycle is the domain-model example's subject), so it needs
 * no version: an order is only ever inserted, and an insert that finds its id taken is the conflict.
 */
export class Order {
  readonly id: string;
  readonly customerId: string;
  readonly lines: readonly OrderLine[];
  readonly status: "pending";
  readonly createdAt: Date;

  constructor(state: OrderState) {
    this.id = state.id;
    this.customerId = state.customerId;
    this.lines = Object.freeze([...state.lines]);
    this.status = state.status;
    this.createdAt = state.createdAt;
  }

  /** A new pending order; checks the invariants only (the use case has found and priced the products). */
  static place(input: { id: string; customerId: string; lines: readonly OrderLine[]; now: Date }): Order {
    if (input.lines.length === 0) {
      throw new BusinessRuleViolationError("order.not-empty", "An order needs at least one line");
    }
    if (input.lines.length > MAX_LINES) {
      throw new BusinessRuleViolationError("order.max-lines", `An order holds at most ${MAX_LINES} lines`);
    }
    for (const line of input.lines) {
      if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
        throw new BusinessRuleViolationError("quantity.range", `Quantity must be from 1 to ${MAX_QUANTITY}`);
      }
    }
    const order = new Order({ ...input, status: "pending", createdAt: input.now });
    void order.total; // summing the lines refuses mixed currencies (money.same-currency)
    return order;
  }

  get total(): Money {
    const [first, ...rest] = this.lines.map((line) => line.unitPrice.times(line.quantity));
    if (first === undefined) throw new Error("An order always has a line");
    return rest.reduce((sum, amount) => sum.add(amount), first);
  }
}
