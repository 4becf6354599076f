import { EntityNotFoundError } from "../../domain/domain-error.ts";
import { OrderId } from "../../domain/identifiers.ts";
import type { MoneyJson } from "../../domain/money.value-object.ts";
import { ExternalAPIError } from "../ports/infrastructure-errors.ts";
import type { OrderRepository } from "../ports/order.repository.port.ts";
import type { PaymentGateway } from "../ports/payment.gateway.port.ts";

/** An order's payment, and where the answer came from. */
export type OrderPaymentDto = {
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: MoneyJson;
  /** What payments says now, or "unknown" when it could not be asked. */
  readonly status: string;
  /** "payments" for a live answer; "orders" for the fallback from what orders recorded when it charged. */
  readonly source: "payments" | "orders";
};

/**
 * Shows an order's payment as payments sees it now. This read may degrade: when payments is down or
 * refused by a policy, the answer falls back to what orders recorded when it charged, and says so. The
 * decision that a degraded answer is acceptable is a business one, so it lives here, not in the client.
 */
export class GetOrderPaymentUseCase {
  private readonly orders: OrderRepository;
  private readonly payments: PaymentGateway;

  constructor(deps: { orders: OrderRepository; payments: PaymentGateway }) {
    this.orders = deps.orders;
    this.payments = deps.payments;
  }

  async execute(orderId: string): Promise<OrderPaymentDto> {
    const order = await this.orders.findById(OrderId.of(orderId));
    if (!order?.paymentId) throw new EntityNotFoundError("Order", orderId);
    const known = { orderId: order.id, paymentId: order.paymentId, amount: order.total().toJSON() };
    try {
      const live = await this.payments.chargeStatus(order.paymentId);
      return { ...known, status: live.status, source: "payments" };
    } catch (error) {
      if (!(error instanceof ExternalAPIError)) throw error;
      return { ...known, status: "unknown", source: "orders" };
    }
  }
}
