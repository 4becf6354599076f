import { StateConflictError } from "../domain/domain-error.ts";
import { chooseDiscount } from "../domain/pricing.service.ts";
import { loadOrder } from "./load-order.ts";
import { toOrderView, type OrderView } from "./order-view.ts";
import type { Clock } from "./ports/clock.port.ts";
import type { CustomerRepository } from "./ports/customer.repository.port.ts";
import type { EventPublisher } from "./ports/event-publisher.port.ts";
import type { OrderRepository } from "./ports/order.repository.port.ts";
import type { PromoCodeRepository } from "./ports/promo-code.repository.port.ts";
import { saveThenPublish } from "./save-then-publish.ts";

/** What ConfirmOrderUseCase needs. */
export type ConfirmOrderDeps = {
  orders: OrderRepository;
  customers: CustomerRepository;
  promoCodes: PromoCodeRepository;
  publisher: EventPublisher;
  clock: Clock;
};

/**
 * Confirms a pending order at its best discount. An application service: it fetches the inputs,
 * asks the domain service (chooseDiscount) for the rule, lets the aggregate change itself, then
 * saves and publishes. No business rule lives here.
 */
export class ConfirmOrderUseCase {
  private readonly deps: ConfirmOrderDeps;

  constructor(deps: ConfirmOrderDeps) {
    this.deps = deps;
  }

  /** `expectedVersion`: the version the caller last read (from If-Match); undefined to skip the check. */
  async execute(orderId: string, expectedVersion?: number): Promise<OrderView> {
    const { orders, customers, promoCodes, publisher, clock } = this.deps;
    const order = await loadOrder(orders, orderId, expectedVersion);
    const customer = await customers.findById(order.customerId);
    // The URL names the order, which exists; its customer missing is a conflict with the shop's data, not a 404.
    if (customer === undefined) {
      throw new StateConflictError("order.known-customer", `Customer ${order.customerId} of this order does not exist`);
    }
    // A code withdrawn since the order was placed simply no longer applies.
    const promo = order.promoCode === null ? undefined : await promoCodes.findByCode(order.promoCode);

    order.confirm(chooseDiscount(order.subtotal, customer.tier, promo), clock.now());
    await saveThenPublish(order, orders, publisher);
    return toOrderView(order);
  }
}
