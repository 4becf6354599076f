import { StateConflictError } from "../../domain/domain-error.ts";
import { OrderId, ProductId } from "../../domain/identifiers.ts";
import { Order } from "../../domain/order.entity.ts";
import type { Clock } from "../ports/clock.port.ts";
import type { OrderRepository } from "../ports/order.repository.port.ts";
import type { StockGateway } from "../ports/stock.gateway.port.ts";
import { toOrderDto, type OrderDto } from "../order.dto.ts";
import type { ProductCatalogue } from "../product-catalogue.ts";

/** The input of PlaceOrder, already checked for shape and types by whoever calls it. */
export type PlaceOrderCommand = {
  readonly lines: readonly { readonly productId: string; readonly quantity: number }[];
};

/**
 * Places an order, reading names and prices from the catalogue (cache first). Note what is NOT here: no try/catch. Every error (a rule the domain refuses, the
 * database or the warehouse failing) travels up unchanged to the one handler at the HTTP edge.
 * Nothing is stored until every step has succeeded, so a failure leaves no half-placed order.
 */
export class PlaceOrderUseCase {
  private readonly catalogue: Pick<ProductCatalogue, "findByIds">;
  private readonly stock: StockGateway;
  private readonly orders: OrderRepository;
  private readonly clock: Clock;

  constructor(deps: {
    catalogue: Pick<ProductCatalogue, "findByIds">;
    stock: StockGateway;
    orders: OrderRepository;
    clock: Clock;
  }) {
    this.catalogue = deps.catalogue;
    this.stock = deps.stock;
    this.orders = deps.orders;
    this.clock = deps.clock;
  }

  async execute(command: PlaceOrderCommand): Promise<OrderDto> {
    const ids = command.lines.map((line) => ProductId.of(line.productId));
    const products = new Map((await this.catalogue.findByIds(ids)).map((product) => [product.id, product]));
    const lines = command.lines.map((line) => {
      const product = products.get(ProductId.of(line.productId));
      // An id in the body that leads nowhere conflicts with the catalog as it stands (409); 404 is for the id in the URL.
      if (!product) {
        throw new StateConflictError("order.known-products", `Product ${line.productId} does not exist`);
      }
      return { product, quantity: line.quantity };
    });
    const inStock = await this.stock.availableQuantities([...products.keys()]);
    const order = Order.place({
      id: OrderId.generate(),
      lines: lines.map((line) => ({ ...line, inStock: inStock.get(line.product.id) ?? 0 })),
      createdAt: this.clock.now(),
    });
    await this.orders.add(order);
    return toOrderDto(order);
  }
}
