import { StateConflictError } from "../domain/domain-error.ts";
import { CustomerId, OrderId, ProductId } from "../domain/identifiers.ts";
import type { OrderLine } from "../domain/order-line.value-object.ts";
import { Order } from "../domain/order.aggregate.ts";
import { Quantity } from "../domain/quantity.value-object.ts";
import type { Clock } from "./ports/clock.port.ts";
import type { UnitOfWorkFactory } from "./ports/unit-of-work.port.ts";
import { toOrderView, type OrderView } from "./views.ts";

/** Input of PlaceOrderUseCase, in plain values: the edge has already checked types and shapes. */
export type PlaceOrderCommand = {
  readonly customerId: string;
  readonly lines: readonly { productId: string; quantity: number }[];
};

/** What PlaceOrderUseCase needs. */
export type PlaceOrderDeps = { readonly uowFactory: UnitOfWorkFactory; readonly clock: Clock };

/**
 * Places an order: reserves stock on each Product aggregate and adds the Order, as one unit of work.
 * Either every reservation and the order are stored, or none is: a failure on the third line
 * leaves the first two products' stock untouched.
 */
export class PlaceOrderUseCase {
  private readonly deps: PlaceOrderDeps;

  constructor(deps: PlaceOrderDeps) {
    this.deps = deps;
  }

  async execute(command: PlaceOrderCommand): Promise<OrderView> {
    // A new unit of work for this request alone: nothing of it outlives the call.
    const order = await this.deps.uowFactory().run(async ({ products, orders }) => {
      const lines: OrderLine[] = [];
      for (const requested of command.lines) {
        const product = await products.findById(ProductId.of(requested.productId));
        // An id in the body that leads nowhere conflicts with the catalog as it stands (409); 404 is for the id in the URL.
        if (product === undefined) {
          throw new StateConflictError("order.known-products", `Product ${requested.productId} does not exist`);
        }
        const quantity = Quantity.of(requested.quantity);
        product.reserve(quantity);
        await products.save(product);
        lines.push({ productId: product.id, quantity, unitPrice: product.unitPrice });
      }
      const placed = Order.place({
        id: OrderId.generate(),
        customerId: CustomerId.of(command.customerId),
        placedAt: this.deps.clock.now(),
        lines,
      });
      await orders.add(placed);
      return placed;
    });
    return toOrderView(order);
  }
}
