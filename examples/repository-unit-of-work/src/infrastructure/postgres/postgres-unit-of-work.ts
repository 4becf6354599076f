import type { PGlite } from "@electric-sql/pglite";
import { DatabaseConnectionError } from "../../application/ports/storage-errors.ts";
import type { TransactionalRepositories, UnitOfWork } from "../../application/ports/unit-of-work.port.ts";
import { PostgresOrderRepository } from "./postgres-order.repository.ts";
import { PostgresProductRepository } from "./postgres-product.repository.ts";

/**
 * A unit of work as one Postgres transaction: the repositories it hands out all talk through the
 * same transaction, PGlite commits when `work` resolves and rolls back when it throws.
 */
export class PostgresUnitOfWork implements UnitOfWork {
  private readonly db: PGlite;
  private used = false;

  constructor(db: PGlite) {
    this.db = db;
  }

  async run<T>(work: (repositories: TransactionalRepositories) => Promise<T>): Promise<T> {
    if (this.used) throw new Error("A unit of work runs once: ask the factory for a new one per request");
    this.used = true;
    if (this.db.closed) throw new DatabaseConnectionError("The database is closed");
    return this.db.transaction((tx) =>
      work({ orders: new PostgresOrderRepository(tx), products: new PostgresProductRepository(tx) }),
    );
  }
}
