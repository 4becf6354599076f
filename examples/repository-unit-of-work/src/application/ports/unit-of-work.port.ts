import type { OrderRepository } from "./order.repository.port.ts";
import type { ProductRepository } from "./product.repository.port.ts";

/** The repositories a unit of work hands out: every write through them commits or rolls back together. */
export type TransactionalRepositories = {
  readonly orders: OrderRepository;
  readonly products: ProductRepository;
};

/**
 * One atomic change: `run` runs `work` once. If `work` resolves, all its writes are committed; if it
 * throws, none of them are, and the error is rethrown. There is no commit() to forget or to call twice,
 * and a second `run` on the same unit of work is refused: each request asks the factory for its own.
 */
export interface UnitOfWork {
  run<T>(work: (repositories: TransactionalRepositories) => Promise<T>): Promise<T>;
}

/**
 * Makes a fresh unit of work. Use cases receive this, not a unit of work, so two concurrent requests
 * can never share (or swap) one transaction.
 */
export type UnitOfWorkFactory = () => UnitOfWork;
