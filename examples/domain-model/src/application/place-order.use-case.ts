import { StateConflictError } from "../domain/domain-error.ts";
import { CustomerId, OrderId } from "../domain/identifiers.ts";
import { Order } from "../domain/order.aggregate.ts";
import { toOrderView, type OrderView } from "./order-view.ts";
import type { Clock } from "./ports/clock.port.ts";
import type { CustomerRepository } from "./ports/customer.repository.port.ts";
import type { EventPublisher } from "./ports/event-publisher.port.ts";
import type { OrderRepository } from "./ports/order.repository.port.ts";
import type { ProductCatalogue } from "./ports/product-catalogue.port.ts";
import type { PromoCodeRepository } from "./ports/promo-code.repository.port.ts";
import { priceLine } from "./price-line.ts";
import { saveThenPublish } from "./save-then-publish.ts";

/** Input of PlaceOrderUseCase, in plain values: the edge has already checked types and shapes. */
export type PlaceOrderCommand = {
  customerId: string;
  lines: readonly { productId: string; quantity: number }[];
  promoCode?: string | undefined;
};

/** What PlaceOrderUseCase needs. */
export type PlaceOrderDeps = {
  orders: OrderRepository;
  customers: CustomerRepository;
  catalogue: ProductCatalogue;
  promoCodes: PromoCodeRepository;
  publisher: EventPublisher;
  clock: Clock;
};

/** Places a pending order for a known customer, priced from the catalogue. */
export class PlaceOrderUseCase {
  private readonly deps: PlaceOrderDeps;

  constructor(deps: PlaceOrderDeps) {
    this.deps = deps;
  }

  async execute(command: PlaceOrderCommand): Promise<OrderView> {
    const { orders, customers, catalogue, promoCodes, publisher, clock } = this.deps;
    const customerId = CustomerId.of(command.customerId);
    // An id in the body that leads nowhere conflicts with the shop as it stands (409); 404 is for the id in the URL.
    if ((await customers.findById(customerId)) === undefined) {
      throw new StateConflictError("order.known-customer", `Customer ${command.customerId} does not exist`);
    }
    let promoCode: string | null = null;
    if (command.promoCode !== undefined) {
      const promo = await promoCodes.findByCode(command.promoCode);
      if (promo === undefined) {
        throw new StateConflictError("order.known-promo-code", `Promo code ${command.promoCode} does not exist`);
      }
      promoCode = promo.code;
    }
    const lines = [];
    for (const line of command.lines) lines.push(await priceLine(catalogue, line.productId, line.quantity));

    // The aggregate's factory enforces the rules (not empty, at most 10 lines, one currency).
    const order = Order.place({ id: OrderId.generate(), customerId, lines, promoCode, now: clock.now() });
    await saveThenPublish(order, orders, publisher);
    return toOrderView(order);
  }
}
