import { StateConflictError } from "../../domain/domain-error.ts";
import { CustomerId, OrderId, ProductId } from "../../domain/identifiers.ts";
import { Order } from "../../domain/order.entity.ts";
import { toOrderDto, type OrderDto } from "../order.dto.ts";
import type { Clock } from "../ports/clock.port.ts";
import type { OrderRepository } from "../ports/order.repository.port.ts";
import type { PaymentGateway } from "../ports/payment.gateway.port.ts";
import type { ProductCatalog } from "../ports/product-catalog.port.ts";

/** What placing an order takes: who orders, and which products in which quantities. */
export type PlaceOrderCommand = {
  readonly customerId: string;
  readonly lines: readonly { readonly productId: string; readonly quantity: number }[];
};

/**
 * Places an order and pays for it: price the lines, charge the payments service, save the confirmed
 * order. When the charge fails, nothing is saved and the error (a 503 at the edge) says so. The use
 * case knows nothing of timeouts, retries or breakers: they wrap the gateway, per outgoing call.
 */
export class PlaceOrderUseCase {
  private readonly catalog: ProductCatalog;
  private readonly payments: PaymentGateway;
  private readonly orders: OrderRepository;
  private readonly clock: Clock;

  constructor(deps: { catalog: ProductCatalog; payments: PaymentGateway; orders: OrderRepository; clock: Clock }) {
    this.catalog = deps.catalog;
    this.payments = deps.payments;
    this.orders = deps.orders;
    this.clock = deps.clock;
  }

  async execute(command: PlaceOrderCommand): Promise<OrderDto> {
    const products = await this.catalog.findByIds(command.lines.map((line) => ProductId.of(line.productId)));
    const unknown = command.lines.map((line) => line.productId).filter((id) => !products.has(ProductId.of(id)));
    if (unknown.length > 0) {
      throw new StateConflictError("order.known-products", `No product with id ${unknown.join(", ")}`);
    }
    const order = Order.place({
      id: OrderId.generate(),
      customerId: CustomerId.of(command.customerId),
      lines: command.lines.flatMap((line) => {
        const product = products.get(ProductId.of(line.productId));
        return product ? [{ product, quantity: line.quantity }] : [];
      }),
      placedAt: this.clock.now(),
    });

    // The order id is the idempotency key: however often this charge is retried, it charges once.
    const charge = await this.payments.charge({ idempotencyKey: order.id, orderId: order.id, amount: order.total() });
    order.confirmPayment(charge.paymentId);
    await this.orders.save(order);
    return toOrderDto(order);
  }
}
