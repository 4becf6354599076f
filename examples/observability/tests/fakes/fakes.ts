import { CacheConnectionError } from "../../src/application/ports/infrastructure-errors.ts";
import type { OrderRepository } from "../../src/application/ports/order.repository.port.ts";
import type { ProductCache } from "../../src/application/ports/product-cache.port.ts";
import type { ProductRepository } from "../../src/application/ports/product.repository.port.ts";
import type { StockGateway } from "../../src/application/ports/stock.gateway.port.ts";
import type { OrderId, ProductId } from "../../src/domain/identifiers.ts";
import type { Order } from "../../src/domain/order.entity.ts";
import type { Product } from "../../src/domain/product.entity.ts";

/** Products from a list; counts reads so a test can tell a cache hit from a database read. */
export class FakeProductRepository implements ProductRepository {
  reads = 0;
  private readonly products: readonly Product[];

  constructor(products: readonly Product[]) {
    this.products = products;
  }

  async findById(id: ProductId): Promise<Product | undefined> {
    this.reads++;
    return this.products.find((product) => product.id === id);
  }

  async findByIds(ids: readonly ProductId[]): Promise<Product[]> {
    this.reads++;
    return this.products.filter((product) => ids.includes(product.id));
  }
}

/** Records what was added, so a test can assert that a failed order left nothing behind. */
export class FakeOrderRepository implements OrderRepository {
  readonly added: Order[] = [];

  async add(order: Order): Promise<void> {
    this.added.push(order);
  }

  async findById(id: OrderId): Promise<Order | undefined> {
    return this.added.find((order) => order.id === id);
  }
}

/** Stock levels from a record, or the error a test wants the warehouse to fail with. */
export class FakeStockGateway implements StockGateway {
  failure: Error | undefined;
  private readonly levels: Readonly<Record<string, number>>;

  constructor(levels: Readonly<Record<string, number>>) {
    this.levels = levels;
  }

  async availableQuantities(ids: readonly ProductId[]): Promise<ReadonlyMap<ProductId, number>> {
    if (this.failure) throw this.failure;
    return new Map(ids.flatMap((id) => (this.levels[id] === undefined ? [] : [[id, this.levels[id]] as const])));
  }
}

/** A cache in a Map that a test can take down. */
export class FakeProductCache implements ProductCache {
  down = false;
  readonly entries = new Map<string, Product>();

  async get(id: ProductId): Promise<Product | undefined> {
    this.failIfDown();
    return this.entries.get(id);
  }

  async set(product: Product): Promise<void> {
    this.failIfDown();
    this.entries.set(product.id, product);
  }

  async ping(): Promise<void> {
    this.failIfDown();
  }

  private failIfDown(): void {
    if (this.down) throw new CacheConnectionError("cache unreachable");
  }
}
