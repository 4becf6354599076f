import { EntityNotFoundError } from "../domain/domain-error.ts";
import { OrderId } from "../domain/identifiers.ts";
import type { Order } from "../domain/order.aggregate.ts";
import { orderCancelled, orderConfirmed } from "./integration-events.ts";
import type { Clock } from "./ports/clock.port.ts";
import type { UnitOfWork } from "./ports/unit-of-work.port.ts";

/**
 * The saga's last word on an order: confirm it, or cancel it. Each stores the new status and its
 * event in the outbox in one transaction, and each is idempotent (the saga may call it twice after
 * a crash): an order already in the wanted status is left alone and announced only once.
 */
export class SettleOrderUseCase {
  private readonly unitOfWork: UnitOfWork;
  private readonly clock: Clock;

  constructor(deps: { readonly unitOfWork: UnitOfWork; readonly clock: Clock }) {
    this.unitOfWork = deps.unitOfWork;
    this.clock = deps.clock;
  }

  confirm(orderId: string): Promise<void> {
    return this.settle(orderId, "confirmed", (order) => {
      order.confirm();
      return orderConfirmed(order, this.clock.now());
    });
  }

  cancel(orderId: string, reason: string): Promise<void> {
    return this.settle(orderId, "cancelled", (order) => {
      order.cancel(reason);
      return orderCancelled(order, this.clock.now());
    });
  }

  private settle(
    orderId: string,
    target: Order["status"],
    change: (order: Order) => ReturnType<typeof orderConfirmed> | ReturnType<typeof orderCancelled>,
  ): Promise<void> {
    return this.unitOfWork.run(async ({ orders, outbox }) => {
      const order = await orders.findById(OrderId.of(orderId));
      if (order === undefined) throw new EntityNotFoundError("Order", orderId);
      if (order.status === target) return; // settled by an earlier run of this step
      const event = change(order);
      await orders.save(order);
      await outbox.add(event);
    });
  }
}
