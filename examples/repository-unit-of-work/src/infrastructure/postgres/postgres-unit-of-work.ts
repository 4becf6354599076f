import type { TransactionalRepositories, UnitOfWork } from "../../application/ports/unit-of-work.port.ts";
import { PostgresOrderRepository } from "./postgres-order.repository.ts";
import { PostgresProductRepository } from "./postgres-product.repository.ts";
import type { SqlDatabase } from "./sql-client.ts";

/**
 * A unit of work as one Postgres transaction: the repositories it hands out all talk through the
 * same transaction, which commits when `work` resolves and rolls back when it throws. The same
 * class runs on PGlite and on a Postgres server; only the SqlDatabase driver differs.
 */
export class PostgresUnitOfWork implements UnitOfWork {
  private readonly db: SqlDatabase;
  private used = false;

  constructor(db: SqlDatabase) {
    this.db = db;
  }

  async run<T>(work: (repositories: TransactionalRepositories) => Promise<T>): Promise<T> {
    if (this.used) throw new Error("A unit of work runs once: ask the factory for a new one per request");
    this.used = true;
    return this.db.transaction((tx) =>
      work({ orders: new PostgresOrderRepository(tx), products: new PostgresProductRepository(tx) }),
    );
  }
}
