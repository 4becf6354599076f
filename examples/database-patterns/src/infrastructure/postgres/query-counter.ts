import { AsyncLocalStorage } from "node:async_hooks";
import type { LogEvent } from "kysely";

/**
 * Counts the statements sent to the database, in total and per scope (one HTTP request). Kysely calls
 * `onLog` after every statement; AsyncLocalStorage finds the request the statement belongs to, even when
 * several requests are in flight at once.
 */
export class QueryCounter {
  readonly #scopes = new AsyncLocalStorage<{ count: number }>();
  #total = 0;

  /** Pass this as Kysely's `log` option. */
  readonly onLog = (event: LogEvent): void => {
    if (event.level !== "query") return;
    this.#total += 1;
    const scope = this.#scopes.getStore();
    if (scope) scope.count += 1;
  };

  get total(): number {
    return this.#total;
  }

  /** Runs `work` and says how many statements it sent. */
  async measure<T>(work: () => Promise<T>): Promise<{ value: T; queries: number }> {
    const scope = { count: 0 };
    const value = await this.#scopes.run(scope, work);
    return { value, queries: scope.count };
  }
}
