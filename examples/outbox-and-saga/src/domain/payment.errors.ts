import { StateConflictError } from "./domain-error.ts";

/** The payment provider refused the charge (card declined, limit reached): a business outcome, not an outage. */
export class PaymentDeclinedError extends StateConflictError {
  constructor(orderId: string, reason: string) {
    super("payment.authorized", `Payment for order ${orderId} was declined: ${reason}`);
  }
}
