import { ConfirmOrderUseCase } from "../../src/application/confirm-order.use-case.ts";
import { GetOrderUseCase } from "../../src/application/get-order.use-case.ts";
import { ListPublishedEventsUseCase } from "../../src/application/list-published-events.use-case.ts";
import {
  CancelOrderUseCase,
  DeliverOrderUseCase,
  ShipOrderUseCase,
} from "../../src/application/order-lifecycle.use-cases.ts";
import { AddOrderLineUseCase, RemoveOrderLineUseCase } from "../../src/application/order-lines.use-cases.ts";
import type { OrderRepository } from "../../src/application/ports/order.repository.port.ts";
import { PlaceOrderUseCase } from "../../src/application/place-order.use-case.ts";
import { ProductId } from "../../src/domain/identifiers.ts";
import { Money } from "../../src/domain/money.value-object.ts";
import { Product } from "../../src/domain/product.entity.ts";
import { InMemoryCustomerRepository } from "../../src/infrastructure/in-memory-customer.repository.ts";
import { InMemoryEventPublisher } from "../../src/infrastructure/in-memory-event-publisher.ts";
import { InMemoryProductCatalogue } from "../../src/infrastructure/in-memory-product-catalogue.ts";
import { InMemoryPromoCodeRepository } from "../../src/infrastructure/in-memory-promo-code.repository.ts";
import { seedCustomers, seedProducts, seedPromoCodes } from "../../src/infrastructure/seed-data.ts";
import { createApp, type AppDeps } from "../../src/presentation/app.ts";
import { FakeClock } from "./fake-clock.ts";
import { RecordingOrderRepository } from "./recording-order.repository.ts";

/** Eleven extra EUR products (x-1 … x-11), enough to try the ten-line limit. */
export const manyProducts = (): Product[] =>
  Array.from({ length: 11 }, (_, i) => new Product(ProductId.of(`x-${i + 1}`), `Extra ${i + 1}`, Money.of(100, "EUR")));

/**
 * The shop wired with the in-memory adapters (our fakes) and a FakeClock, seeded like `npm start`.
 * `saved` lists the ids of the orders saved. Pass `orders` to swap in a different repository, e.g. one that fails.
 */
export function testShop(options: { orders?: OrderRepository } = {}) {
  const recording = new RecordingOrderRepository();
  const orders = options.orders ?? recording;
  const customers = new InMemoryCustomerRepository(seedCustomers());
  const catalogue = new InMemoryProductCatalogue([...seedProducts(), ...manyProducts()]);
  const promoCodes = new InMemoryPromoCodeRepository(seedPromoCodes());
  const publisher = new InMemoryEventPublisher();
  const clock = new FakeClock();
  const useCases = {
    placeOrder: new PlaceOrderUseCase({ orders, customers, catalogue, promoCodes, publisher, clock }),
    getOrder: new GetOrderUseCase(orders),
    addOrderLine: new AddOrderLineUseCase({ orders, catalogue, publisher }),
    removeOrderLine: new RemoveOrderLineUseCase({ orders, publisher }),
    confirmOrder: new ConfirmOrderUseCase({ orders, customers, promoCodes, publisher, clock }),
    cancelOrder: new CancelOrderUseCase({ orders, publisher, clock }),
    shipOrder: new ShipOrderUseCase({ orders, publisher, clock }),
    deliverOrder: new DeliverOrderUseCase({ orders, publisher, clock }),
    listPublishedEvents: new ListPublishedEventsUseCase(publisher),
  };
  const unexpectedErrors: unknown[] = [];
  const app = (overrides: Partial<AppDeps> = {}) =>
    createApp({
      ...useCases,
      isReady: async () => true,
      reportUnexpectedError: (error) => unexpectedErrors.push(error),
      ...overrides,
    });
  return { orders, saved: recording.savedIds, publisher, clock, useCases, app, unexpectedErrors };
}
