import { BusinessRuleViolationError } from "./domain-error.ts";

/** The payment provider refused the charge (card declined, limit reached): a business outcome, not an outage. */
export class PaymentDeclinedError extends BusinessRuleViolationError {
  constructor(orderId: string, reason: string) {
    super("payment.authorized", `Payment for order ${orderId} was declined: ${reason}`);
  }
}
