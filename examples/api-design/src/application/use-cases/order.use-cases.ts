import { EntityNotFoundError, PermissionDeniedError, StateConflictError } from "../../domain/domain-error.ts";
import { Order } from "../../domain/order.entity.ts";
import type { Caller } from "../caller.ts";
import type { Clock } from "../ports/clock.port.ts";
import type { OrderPage, OrderRepository } from "../ports/order.repository.port.ts";
import type { ProductRepository } from "../ports/product.repository.port.ts";

/** What placing an order needs: the create schema's output. The customer is the caller. */
export type NewOrder = { readonly lines: readonly { readonly productId: string; readonly quantity: number }[] };

/** Placing and reading orders. A customer sees only their own; staff see all. */
export class OrderUseCases {
  readonly #orders: OrderRepository;
  readonly #products: ProductRepository;
  readonly #clock: Clock;

  constructor(deps: { orders: OrderRepository; products: ProductRepository; clock: Clock }) {
    this.#orders = deps.orders;
    this.#products = deps.products;
    this.#clock = deps.clock;
  }

  async place(caller: Caller, input: NewOrder): Promise<Order> {
    if (caller.kind !== "customer") throw new PermissionDeniedError("place-order", "Only customers place orders");
    const lines = [];
    for (const line of input.lines) {
      const product = await this.#products.get(line.productId);
      // The URL (/orders) exists; the body names something that does not: 409, never 404.
      if (product === undefined) {
        throw new StateConflictError("order.known-products", `Product ${line.productId} does not exist`);
      }
      lines.push({ productId: product.id, quantity: line.quantity, unitPrice: product.unitPrice });
    }
    const order = Order.place({
      id: crypto.randomUUID(),
      customerId: caller.customerId,
      lines,
      now: this.#clock.now(),
    });
    await this.#orders.add(order);
    return order;
  }

  async get(caller: Caller, id: string): Promise<Order> {
    const order = await this.#orders.get(id);
    // Another customer's order answers exactly like a missing one, so ids cannot be probed (404, not 403).
    if (order === undefined || (caller.kind === "customer" && order.customerId !== caller.customerId)) {
      throw new EntityNotFoundError("Order", id);
    }
    return order;
  }

  list(caller: Caller, page: { offset: number; limit: number }): Promise<OrderPage> {
    const customerId = caller.kind === "customer" ? caller.customerId : undefined;
    return this.#orders.list({ customerId, ...page });
  }
}
