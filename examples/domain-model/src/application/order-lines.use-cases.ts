import { ProductId } from "../domain/identifiers.ts";
import { loadOrder } from "./load-order.ts";
import { toOrderView, type OrderView } from "./order-view.ts";
import type { EventPublisher } from "./ports/event-publisher.port.ts";
import type { OrderRepository } from "./ports/order.repository.port.ts";
import type { ProductCatalogue } from "./ports/product-catalogue.port.ts";
import { priceLine } from "./price-line.ts";
import { saveThenPublish } from "./save-then-publish.ts";

/** What AddOrderLineUseCase needs. */
export type AddOrderLineDeps = { orders: OrderRepository; catalogue: ProductCatalogue; publisher: EventPublisher };

/** Adds a product to a pending order (or raises its quantity). */
export class AddOrderLineUseCase {
  private readonly deps: AddOrderLineDeps;

  constructor(deps: AddOrderLineDeps) {
    this.deps = deps;
  }

  async execute(
    orderId: string,
    line: { productId: string; quantity: number },
    expectedVersion?: number,
  ): Promise<OrderView> {
    const order = await loadOrder(this.deps.orders, orderId, expectedVersion);
    order.addLine(await priceLine(this.deps.catalogue, line.productId, line.quantity));
    await saveThenPublish(order, this.deps.orders, this.deps.publisher);
    return toOrderView(order);
  }
}

/** What RemoveOrderLineUseCase needs. */
export type RemoveOrderLineDeps = { orders: OrderRepository; publisher: EventPublisher };

/** Removes a product's line from a pending order. */
export class RemoveOrderLineUseCase {
  private readonly deps: RemoveOrderLineDeps;

  constructor(deps: RemoveOrderLineDeps) {
    this.deps = deps;
  }

  async execute(orderId: string, productId: string, expectedVersion?: number): Promise<OrderView> {
    const order = await loadOrder(this.deps.orders, orderId, expectedVersion);
    order.removeLine(ProductId.of(productId));
    await saveThenPublish(order, this.deps.orders, this.deps.publisher);
    return toOrderView(order);
  }
}
