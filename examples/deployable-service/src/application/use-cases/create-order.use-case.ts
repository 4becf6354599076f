import { StateConflictError } from "../../domain/domain-error.ts";
import { CustomerId, OrderId, ProductId } from "../../domain/identifiers.ts";
import { Order } from "../../domain/order.entity.ts";
import type { Clock } from "../ports/clock.port.ts";
import type { CustomerRepository } from "../ports/customer.repository.port.ts";
import type { OrderRepository } from "../ports/order.repository.port.ts";
import type { ProductRepository } from "../ports/product.repository.port.ts";
import { toOrderDto, type OrderDto } from "../order.dto.ts";

/** The input of CreateOrder, already checked for shape and types by whoever calls it. */
export type CreateOrderCommand = {
  readonly customerId: string;
  readonly lines: readonly { readonly productId: string; readonly quantity: number }[];
};

/** Places an order: loads what the rules need, lets the Order decide, stores the result. */
export class CreateOrderUseCase {
  private readonly customers: CustomerRepository;
  private readonly products: ProductRepository;
  private readonly orders: OrderRepository;
  private readonly clock: Clock;

  constructor(deps: {
    customers: CustomerRepository;
    products: ProductRepository;
    orders: OrderRepository;
    clock: Clock;
  }) {
    this.customers = deps.customers;
    this.products = deps.products;
    this.orders = deps.orders;
    this.clock = deps.clock;
  }

  async execute(command: CreateOrderCommand): Promise<OrderDto> {
    const customer = await this.customers.findById(CustomerId.of(command.customerId));
    if (!customer) {
      throw new StateConflictError("order.known-customer", `Customer ${command.customerId} does not exist`);
    }
    const productIds = command.lines.map((line) => ProductId.of(line.productId));
    const products = new Map((await this.products.findByIds(productIds)).map((product) => [product.id, product]));
    const lines = command.lines.map((line) => {
      const product = products.get(ProductId.of(line.productId));
      if (!product) {
        throw new StateConflictError("order.known-products", `Product ${line.productId} does not exist`);
      }
      return { product, quantity: line.quantity };
    });

    const order = Order.place({ id: OrderId.generate(), customer, lines, createdAt: this.clock.now() });
    await this.orders.add(order);
    return toOrderDto(order);
  }
}
