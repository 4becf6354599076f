import { BusinessRuleViolationError, StateConflictError } from "./domain-error.ts";
import type { OrderStatus } from "./order.aggregate.ts";

/** An order must hold at least one line, from its creation to its end. */
export class EmptyOrderError extends BusinessRuleViolationError {
  constructor() {
    super("order.not-empty", "An order needs at least one line");
  }
}

/** An order holds at most Order.MAX_LINES different products. */
export class TooManyOrderLinesError extends BusinessRuleViolationError {
  constructor(maxLines: number) {
    super("order.max-lines", `An order holds at most ${maxLines} lines`);
  }
}

/** Lines and prices may change, and the order be confirmed, only while it is pending. */
export class OrderNotPendingError extends StateConflictError {
  constructor(status: OrderStatus) {
    super("order.changes-only-while-pending", `The order is ${status}; only pending orders can change`);
  }
}

/** Once an order has shipped, cancelling it is a return, not a cancellation. */
export class OrderCannotBeCancelledError extends StateConflictError {
  constructor(status: OrderStatus) {
    super("order.no-cancel-after-shipping", `The order is ${status}; it can no longer be cancelled`);
  }
}

/** The order's life runs pending → confirmed → shipped → delivered; no step may be skipped or repeated. */
export class InvalidOrderTransitionError extends StateConflictError {
  constructor(status: OrderStatus, action: string) {
    super("order.status-transition", `Cannot ${action} an order that is ${status}`);
  }
}

/** All lines of an order are priced in one currency. */
export class OrderCurrencyMismatchError extends BusinessRuleViolationError {
  constructor(orderCurrency: string, lineCurrency: string) {
    super("order.single-currency", `The order is priced in ${orderCurrency}; a ${lineCurrency} line cannot join it`);
  }
}
