import type { OrderRepository } from "./order.repository.port.ts";
import type { Outbox } from "./outbox.port.ts";
import type { ProductCatalog } from "./product-catalog.port.ts";

/** What a unit of work hands out: every write through them commits or rolls back together. */
export type TransactionalRepositories = {
  readonly orders: OrderRepository;
  readonly products: ProductCatalog;
  readonly outbox: Outbox;
};

/** Runs `work` as one atomic change: committed if it resolves, rolled back (and rethrown) if it throws. */
export interface UnitOfWork {
  run<T>(work: (repositories: TransactionalRepositories) => Promise<T>): Promise<T>;
}
