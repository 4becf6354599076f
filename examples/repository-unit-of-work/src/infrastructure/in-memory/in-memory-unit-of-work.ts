import { ConcurrencyConflictError } from "../../application/ports/storage-errors.ts";
import type { TransactionalRepositories, UnitOfWork } from "../../application/ports/unit-of-work.port.ts";
import { InMemoryOrderRepository } from "./in-memory-order.repository.ts";
import { InMemoryProductRepository } from "./in-memory-product.repository.ts";
import type { InMemoryTables } from "./in-memory-tables.ts";

/**
 * A unit of work over Maps, with the semantics of a database transaction:
 * the work writes to private copies of the tables (nobody else sees them), and commit applies
 * them all at once, or none if another unit of work committed a change to the same rows meanwhile.
 * Copying whole tables is O(n): fine for a test fake, where clarity beats speed.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  private readonly tables: InMemoryTables;
  private used = false;

  constructor(tables: InMemoryTables) {
    this.tables = tables;
  }

  async run<T>(work: (repositories: TransactionalRepositories) => Promise<T>): Promise<T> {
    if (this.used) throw new Error("A unit of work runs once: ask the factory for a new one per request");
    this.used = true;
    const readAtStart = { products: new Map(this.tables.products), orders: new Map(this.tables.orders) };
    const working = { products: new Map(this.tables.products), orders: new Map(this.tables.orders) };
    // If work throws, the copies are simply dropped: that is the rollback.
    const result = await work({
      products: new InMemoryProductRepository(working.products),
      orders: new InMemoryOrderRepository(working.orders),
    });
    this.commit(readAtStart, working);
    return result;
  }

  // No await in here: JavaScript runs it to the end without interleaving, so the check and the
  // writes are atomic. Everything is checked first; only then is anything written.
  private commit(readAtStart: InMemoryTables, working: InMemoryTables): void {
    const productWrites = changedRows(readAtStart.products, working.products);
    const orderWrites = changedRows(readAtStart.orders, working.orders);
    for (const [id] of productWrites) {
      const read = readAtStart.products.get(id);
      if (this.tables.products.get(id) !== read) throw new ConcurrencyConflictError("Product", id, read?.version ?? 0);
    }
    for (const [id] of orderWrites) {
      if (this.tables.orders.has(id)) throw new ConcurrencyConflictError("Order", id, 0);
    }
    for (const [id, record] of productWrites) this.tables.products.set(id, record);
    for (const [id, record] of orderWrites) this.tables.orders.set(id, record);
  }
}

/** Rows this unit of work wrote: records are frozen and replaced on write, so identity tells. */
function changedRows<R>(before: ReadonlyMap<string, R>, after: ReadonlyMap<string, R>): [string, R][] {
  return [...after].filter(([id, record]) => before.get(id) !== record);
}
