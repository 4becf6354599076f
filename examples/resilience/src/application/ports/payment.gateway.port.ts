import type { OrderId } from "../../domain/identifiers.ts";
import type { Money } from "../../domain/money.value-object.ts";

/** A charge to make. The idempotency key makes a repeated request charge once, which is what allows retries. */
export type ChargeRequest = {
  readonly idempotencyKey: string;
  readonly orderId: OrderId;
  readonly amount: Money;
};

/** A charge the payments service made. */
export type Charge = { readonly paymentId: string };

/** What the payments service says about a charge now. */
export type ChargeStatus = { readonly paymentId: string; readonly status: string };

/**
 * The payments service, as orders needs it. It fails only with the errors of infrastructure-errors.ts:
 * ExternalAPIError, or its CircuitOpenError and BulkheadFullError when a policy refused the call.
 */
export interface PaymentGateway {
  charge(request: ChargeRequest): Promise<Charge>;
  /** Reads a charge's current state: a read, so always safe to retry. */
  chargeStatus(paymentId: string): Promise<ChargeStatus>;
}
