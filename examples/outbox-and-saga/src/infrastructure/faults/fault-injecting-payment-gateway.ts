import type { FaultSwitchboard } from "../../application/fault-switchboard.ts";
import type { ChargeRequest, PaymentGateway } from "../../application/ports/payment-gateway.port.ts";
import { PaymentDeclinedError } from "../../domain/payment.errors.ts";

/** Wraps the real gateway; declines every charge while `declinePayments` is on. */
export class FaultInjectingPaymentGateway implements PaymentGateway {
  private readonly inner: PaymentGateway;
  private readonly faults: FaultSwitchboard;

  constructor(inner: PaymentGateway, faults: FaultSwitchboard) {
    this.inner = inner;
    this.faults = faults;
  }

  async charge(request: ChargeRequest): Promise<string> {
    if (this.faults.current.declinePayments)
      throw new PaymentDeclinedError(request.orderId, "card declined (injected fault)");
    return this.inner.charge(request);
  }

  refund(request: { idempotencyKey: string; paymentId: string }): Promise<void> {
    return this.inner.refund(request);
  }
}
