import { EntityNotFoundError, StateConflictError } from "../domain/domain-error.ts";
import { Order, type OrderLine } from "../domain/order.entity.ts";
import type { Clock } from "./ports/clock.port.ts";
import type { OrderRepository } from "./ports/order.repository.port.ts";
import type { ProductCatalogue } from "./ports/product-catalogue.port.ts";
import type { Principal } from "./principal.ts";
import { toOrderView, type OrderView } from "./order-view.ts";

/** The shop's orders, always on behalf of a verified caller. */
export class OrderUseCases {
  private readonly deps: { orders: OrderRepository; products: ProductCatalogue; clock: Clock };

  constructor(deps: { orders: OrderRepository; products: ProductCatalogue; clock: Clock }) {
    this.deps = deps;
  }

  /** Places an order for the caller: the customer is who the token says, never a field of the body. */
  async place(caller: Principal, lines: readonly { productId: string; quantity: number }[]): Promise<OrderView> {
    const priced: OrderLine[] = [];
    for (const line of lines) {
      const unitPrice = await this.deps.products.priceOf(line.productId);
      if (unitPrice === undefined) {
        throw new StateConflictError("order.known-products", `Product ${line.productId} does not exist`);
      }
      priced.push({ ...line, unitPrice });
    }
    const order = Order.place(crypto.randomUUID(), caller.subject, priced, this.deps.clock.now());
    await this.deps.orders.add(order);
    return toOrderView(order);
  }

  /**
   * Object-level authorization (OWASP API1): a customer reads only their own orders. Someone else's order is
   * answered exactly like one that does not exist (the canon's status policy: 404, not 403), so ids cannot be
   * probed. Staff, with orders:read-any, read every order.
   */
  async get(caller: Principal, orderId: string): Promise<OrderView> {
    const order = await this.deps.orders.findById(orderId);
    const mayRead = order?.customerId === caller.subject || caller.permissions.includes("orders:read-any");
    if (order === undefined || !mayRead) throw new EntityNotFoundError("Order", orderId);
    return toOrderView(order);
  }

  /** The caller's own orders. */
  async listMine(caller: Principal): Promise<OrderView[]> {
    return (await this.deps.orders.listByCustomer(caller.subject)).map(toOrderView);
  }

  /** Every order (the staff route asks for the staff role and orders:read-any first). */
  async listAll(): Promise<OrderView[]> {
    return (await this.deps.orders.listAll()).map(toOrderView);
  }
}
