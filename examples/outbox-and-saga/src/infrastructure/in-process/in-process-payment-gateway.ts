import type { ChargeRequest, PaymentGateway } from "../../application/ports/payment-gateway.port.ts";
import type { MoneyJson } from "../../domain/money.value-object.ts";

/** A payment as the stand-in provider records it. */
export type Payment = { readonly id: string; readonly orderId: string; readonly amount: MoneyJson; refunded: boolean };

/**
 * A stand-in for a payment provider, with the one behaviour that matters to a saga: idempotency
 * keys. A repeated charge or refund with a key already seen returns the first result and moves no money.
 */
export class InProcessPaymentGateway implements PaymentGateway {
  readonly payments: Payment[] = [];
  private readonly charges = new Map<string, string>();
  private readonly refunds = new Set<string>();

  async charge(request: ChargeRequest): Promise<string> {
    const earlier = this.charges.get(request.idempotencyKey);
    if (earlier !== undefined) return earlier;
    const payment: Payment = {
      id: `pay-${this.payments.length + 1}`,
      orderId: request.orderId,
      amount: request.amount,
      refunded: false,
    };
    this.payments.push(payment);
    this.charges.set(request.idempotencyKey, payment.id);
    return payment.id;
  }

  async refund(request: { idempotencyKey: string; paymentId: string }): Promise<void> {
    if (this.refunds.has(request.idempotencyKey)) return;
    const payment = this.payments.find((candidate) => candidate.id === request.paymentId);
    if (payment === undefined) throw new Error(`no payment ${request.paymentId}`);
    payment.refunded = true;
    this.refunds.add(request.idempotencyKey);
  }
}
