import { BusinessRuleViolationError, StateConflictError } from "./domain-error.ts";
import type { CustomerId, OrderId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";
import type { OrderLine } from "./order-line.value-object.ts";

/**
 * pending: placed, checkout running. confirmed: stock reserved and payment taken.
 * cancelled: checkout failed and everything it did was undone.
 */
export type OrderStatus = "pending" | "confirmed" | "cancelled";

/** Everything an order is made of; repositories rebuild orders from it. */
export type OrderState = {
  readonly id: OrderId;
  readonly customerId: CustomerId;
  readonly placedAt: Date;
  readonly lines: readonly OrderLine[];
  readonly status: OrderStatus;
  readonly cancellationReason: string | null;
};

/** An order and its checkout outcome. Placing it starts the checkout saga; the saga confirms or cancels it. */
export class Order {
  static readonly MAX_LINES = 10;

  readonly id: OrderId;
  readonly customerId: CustomerId;
  readonly placedAt: Date;
  readonly lines: readonly OrderLine[];
  #status: OrderStatus;
  #cancellationReason: string | null;

  private constructor(state: OrderState) {
    this.id = state.id;
    this.customerId = state.customerId;
    this.placedAt = state.placedAt;
    this.lines = Object.freeze([...state.lines]);
    this.#status = state.status;
    this.#cancellationReason = state.cancellationReason;
  }

  /** Factory for a new, pending order: at least one line, at most MAX_LINES, one currency. */
  static place(state: Omit<OrderState, "status" | "cancellationReason">): Order {
    if (state.lines.length === 0) throw new BusinessRuleViolationError("order.not-empty", "An order needs a line");
    if (state.lines.length > Order.MAX_LINES) {
      throw new BusinessRuleViolationError("order.max-lines", `An order holds at most ${Order.MAX_LINES} lines`);
    }
    sumLines(state.lines); // adding the lines up refuses mixed currencies (money.same-currency)
    return new Order({ ...state, status: "pending", cancellationReason: null });
  }

  /** Rebuilds a stored order without re-running the factory's checks (they held when it was placed). */
  static restore(state: OrderState): Order {
    return new Order(state);
  }

  get status(): OrderStatus {
    return this.#status;
  }

  get cancellationReason(): string | null {
    return this.#cancellationReason;
  }

  get total(): Money {
    return sumLines(this.lines);
  }

  /** Checkout succeeded. */
  confirm(): void {
    this.#leavePending("confirm");
    this.#status = "confirmed";
  }

  /** Checkout failed and was undone; `reason` says which step failed and why. */
  cancel(reason: string): void {
    this.#leavePending("cancel");
    this.#status = "cancelled";
    this.#cancellationReason = reason;
  }

  #leavePending(action: string): void {
    if (this.#status !== "pending") {
      throw new StateConflictError("order.status-transition", `Cannot ${action} an order that is ${this.#status}`);
    }
  }
}

/** What the lines cost together, in their one currency. */
function sumLines(lines: readonly OrderLine[]): Money {
  const [first, ...rest] = lines.map((line) => line.unitPrice.times(line.quantity.value));
  if (first === undefined) throw new BusinessRuleViolationError("order.not-empty", "An order needs a line");
  return rest.reduce((sum, amount) => sum.add(amount), first);
}
