import type { Product } from "../../src/domain/product.aggregate.ts";
import { InMemoryOrderRepository } from "../../src/infrastructure/in-memory/in-memory-order.repository.ts";
import { InMemoryProductRepository } from "../../src/infrastructure/in-memory/in-memory-product.repository.ts";
import { createInMemoryTables, type InMemoryTables } from "../../src/infrastructure/in-memory/in-memory-tables.ts";
import { InMemoryUnitOfWork } from "../../src/infrastructure/in-memory/in-memory-unit-of-work.ts";
import type { Storage } from "../contract/storage.contract.ts";

/** The in-memory adapters over one set of tables, seeded with `products`; `tables` lets a test look at what is stored. */
export async function inMemoryStorage(products: readonly Product[]): Promise<Storage & { tables: InMemoryTables }> {
  const tables = createInMemoryTables(products);
  return {
    products: new InMemoryProductRepository(tables.products),
    orders: new InMemoryOrderRepository(tables.orders),
    uowFactory: () => new InMemoryUnitOfWork(tables),
    tables,
  };
}
