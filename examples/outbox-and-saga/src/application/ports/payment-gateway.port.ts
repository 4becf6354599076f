import type { MoneyJson } from "../../domain/money.value-object.ts";

/** A charge request. The provider keeps the first answer per idempotency key and replays it for repeats. */
export type ChargeRequest = { readonly idempotencyKey: string; readonly orderId: string; readonly amount: MoneyJson };

/** A payment provider (Stripe, Adyen…), seen through the two calls checkout needs. */
export interface PaymentGateway {
  /** Charges and returns the payment id. Throws PaymentDeclinedError, or an InfrastructureError when unreachable. */
  charge(request: ChargeRequest): Promise<string>;
  /** Refunds a payment in full; a repeat with the same key refunds nothing more. */
  refund(request: { readonly idempotencyKey: string; readonly paymentId: string }): Promise<void>;
}
