import type { CustomerRepository } from "../../src/application/ports/customer.repository.port.ts";
import type { OrderPosition, OrderRepository } from "../../src/application/ports/order.repository.port.ts";
import type { ProductRepository } from "../../src/application/ports/product.repository.port.ts";
import type { Customer } from "../../src/domain/customer.entity.ts";
import type { CustomerId, OrderId, ProductId } from "../../src/domain/identifiers.ts";
import type { Order } from "../../src/domain/order.entity.ts";
import type { Product } from "../../src/domain/product.entity.ts";

/** Customers from a list. */
export class FakeCustomerRepository implements CustomerRepository {
  private readonly customers: readonly Customer[];

  constructor(customers: readonly Customer[]) {
    this.customers = customers;
  }

  async findById(id: CustomerId): Promise<Customer | undefined> {
    return this.customers.find((customer) => customer.id === id);
  }
}

/** Products from a list. */
export class FakeProductRepository implements ProductRepository {
  private readonly products: readonly Product[];

  constructor(products: readonly Product[]) {
    this.products = products;
  }

  async findByIds(ids: readonly ProductId[]): Promise<Product[]> {
    return this.products.filter((product) => ids.includes(product.id));
  }
}

/** Records what was added, so a test can assert that a refused order was never stored. */
export class FakeOrderRepository implements OrderRepository {
  readonly added: Order[] = [];
  /** What the last listNewestFirst call asked for. */
  lastListQuery: { limit: number; after?: OrderPosition } | undefined;

  async add(order: Order): Promise<void> {
    this.added.push(order);
  }

  async findById(id: OrderId): Promise<Order | undefined> {
    return this.added.find((order) => order.id === id);
  }

  /** Returns the added orders as they are: paging itself is the real repositories' job, tested with them. */
  async listNewestFirst(query: { limit: number; after?: OrderPosition }): Promise<Order[]> {
    this.lastListQuery = query;
    return this.added.slice(0, query.limit);
  }
}
