/** A product row, as a SQL driver would return it. */
export type ProductRow = { id: string; name: string; unit_price_minor: number; currency: string };
/** An order row with its lines, as a SQL driver would return it. */
export type OrderRow = {
  id: string;
  created_at: string;
  lines: { product_id: string; quantity: number; unit_price_minor: number; currency: string }[];
};
/** The tables a query can read and write. */
export type Tables = { readonly products: Map<string, ProductRow>; readonly orders: Map<string, OrderRow> };

/**
 * A stand-in for a database driver, so the example runs without a database server. Like a real
 * driver it hands out copies, never its own rows, and when the server is unreachable (`reachable`
 * false) every call fails with a raw driver error: an Error with code "ECONNREFUSED".
 */
export class InMemoryDatabase {
  reachable = true;
  private readonly tables: Tables = { products: new Map(), orders: new Map() };

  /** Runs `work` against the tables and returns a copy of its result. */
  async query<T>(work: (tables: Tables) => T): Promise<T> {
    if (!this.reachable) {
      throw Object.assign(new Error("connect ECONNREFUSED 10.0.0.12:5432"), {
        code: "ECONNREFUSED",
        syscall: "connect",
      });
    }
    return structuredClone(work(this.tables));
  }

  /** Fails exactly like `query` when the server is unreachable; readiness checks call it. */
  async ping(): Promise<void> {
    await this.query(() => undefined);
  }
}
