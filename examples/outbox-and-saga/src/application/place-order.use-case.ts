import { StateConflictError } from "../domain/domain-error.ts";
import { CustomerId, OrderId, ProductId } from "../domain/identifiers.ts";
import type { OrderLine } from "../domain/order-line.value-object.ts";
import { Order } from "../domain/order.aggregate.ts";
import { Quantity } from "../domain/quantity.value-object.ts";
import { orderPlaced } from "./integration-events.ts";
import type { Clock } from "./ports/clock.port.ts";
import type { UnitOfWork } from "./ports/unit-of-work.port.ts";
import { toOrderView, type OrderView } from "./views.ts";

/** Input of PlaceOrderUseCase, in plain values: the edge has already checked types and shapes. */
export type PlaceOrderCommand = {
  readonly customerId: string;
  readonly lines: readonly { productId: string; quantity: number }[];
};

/**
 * Places an order: stores it as pending and records `order.placed` in the outbox, in ONE
 * transaction. There is no publish here: if the process dies right after the commit, the event is
 * still in the outbox and the relay sends it; if the transaction fails, there is no event to take back.
 */
export class PlaceOrderUseCase {
  private readonly unitOfWork: UnitOfWork;
  private readonly clock: Clock;

  constructor(deps: { readonly unitOfWork: UnitOfWork; readonly clock: Clock }) {
    this.unitOfWork = deps.unitOfWork;
    this.clock = deps.clock;
  }

  async execute(command: PlaceOrderCommand): Promise<OrderView> {
    const order = await this.unitOfWork.run(async ({ orders, products, outbox }) => {
      const lines: OrderLine[] = [];
      for (const requested of command.lines) {
        const product = await products.findById(ProductId.of(requested.productId));
        // An id in the body that leads nowhere is refused like any rule (409); 404 is for the id in the URL.
        if (product === undefined) {
          throw new StateConflictError("order.known-products", `Product ${requested.productId} does not exist`);
        }
        lines.push({ productId: product.id, quantity: Quantity.of(requested.quantity), unitPrice: product.unitPrice });
      }
      const placed = Order.place({
        id: OrderId.generate(),
        customerId: CustomerId.of(command.customerId),
        placedAt: this.clock.now(),
        lines,
      });
      await orders.add(placed);
      await outbox.add(orderPlaced(placed, this.clock.now())); // same transaction as the order
      return placed;
    });
    return toOrderView(order);
  }
}
