import type { OrderRepository } from "./order.repository.port.ts";
import type { ProductRepository } from "./product.repository.port.ts";

/** The repositories a unit of work hands out: every write through them commits or rolls back together. */
export type TransactionalRepositories = {
  readonly orders: OrderRepository;
  readonly products: ProductRepository;
};

/**
 * Runs `work` as one atomic change. If `work` resolves, all its writes are committed; if it throws,
 * none of them are, and the error is rethrown. There is no commit() to forget or to call twice.
 */
export interface UnitOfWork {
  run<T>(work: (repositories: TransactionalRepositories) => Promise<T>): Promise<T>;
}
