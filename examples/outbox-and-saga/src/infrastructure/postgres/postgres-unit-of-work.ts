import type { PGlite } from "@electric-sql/pglite";
import { DatabaseConnectionError } from "../../application/ports/storage-errors.ts";
import type { TransactionalRepositories, UnitOfWork } from "../../application/ports/unit-of-work.port.ts";
import { PostgresOrderRepository } from "./postgres-order.repository.ts";
import { PostgresOutbox } from "./postgres-outbox.ts";
import { PostgresProductCatalog } from "./postgres-product-catalog.ts";

/**
 * A unit of work as one Postgres transaction: the order and its outbox row are written through the
 * same transaction, so PGlite commits both or neither.
 */
export class PostgresUnitOfWork implements UnitOfWork {
  private readonly db: PGlite;

  constructor(db: PGlite) {
    this.db = db;
  }

  async run<T>(work: (repositories: TransactionalRepositories) => Promise<T>): Promise<T> {
    if (this.db.closed) throw new DatabaseConnectionError("The database is closed");
    return this.db.transaction((tx) =>
      work({
        orders: new PostgresOrderRepository(tx),
        products: new PostgresProductCatalog(tx),
        outbox: new PostgresOutbox(tx),
      }),
    );
  }
}
