import type { Kysely } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { encodeCursor, type OrderCursor } from "../../application/order-cursor.ts";
import type {
  LineLoading,
  OrderPage,
  OrderQueries,
  OrderSummaryView,
} from "../../application/ports/order.queries.port.ts";
import type { Database } from "./database-schema.ts";

type OrderRow = { id: string; customer_id: string; status: string; placed_at: Date };
type LineRow = {
  order_id: string;
  product_id: string;
  quantity: number;
  unit_price_minor: string | number;
  currency: string;
};

function toView(order: OrderRow, lines: readonly LineRow[]): OrderSummaryView {
  return {
    id: order.id,
    customerId: order.customer_id,
    status: order.status,
    placedAt: new Date(order.placed_at).toISOString(),
    lines: lines.map((line) => ({
      productId: line.product_id,
      quantity: line.quantity,
      unitPrice: { minorUnits: Number(line.unit_price_minor), currency: line.currency },
    })),
  };
}

/** The read side of orders through Kysely, with the three ways of loading their lines. */
export class KyselyOrderQueries implements OrderQueries {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async listPage(options: { limit: number; after?: OrderCursor | undefined; lines: LineLoading }): Promise<OrderPage> {
    const limit = options.limit + 1; // one extra row says whether there is a next page
    let items: OrderSummaryView[];
    if (options.lines === "joined") {
      items = (await this.#pageWithLines(limit, options.after)).map((row) => toView(row, row.lines));
    } else {
      const rows = await this.#page(limit, options.after).execute();
      const lines = await this.#loadLines(rows.slice(0, options.limit), options.lines);
      items = rows.length > options.limit ? [...lines, toView(rows[options.limit] as OrderRow, [])] : lines;
    }
    const last = items.length > options.limit ? items[options.limit - 1] : undefined;
    return {
      items: items.slice(0, options.limit),
      nextCursor: last ? encodeCursor({ placedAt: last.placedAt, id: last.id }) : null,
    };
  }

  /** Keyset pagination: seek past the last row seen, along the (placed_at, id) index; no OFFSET, no count. */
  #page(limit: number, after: OrderCursor | undefined) {
    let query = this.#db
      .selectFrom("orders")
      .select(["id", "customer_id", "status", "placed_at"])
      .orderBy("placed_at", "desc")
      .orderBy("id", "desc")
      .limit(limit);
    if (after) {
      query = query.where((eb) =>
        eb(eb.refTuple("placed_at", "id"), "<", eb.tuple(new Date(after.placedAt), after.id)),
      );
    }
    return query;
  }

  /** Joined loading, one query: each order row carries its lines as a JSON array (a correlated subquery). */
  #pageWithLines(limit: number, after: OrderCursor | undefined) {
    return this.#page(limit, after)
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom("order_lines")
            .select(["order_id", "product_id", "quantity", "unit_price_minor", "currency"])
            .whereRef("order_lines.order_id", "=", "orders.id")
            .orderBy("product_id"),
        ).as("lines"),
      )
      .execute();
  }

  async #loadLines(orders: readonly OrderRow[], loading: "per-order" | "select-in"): Promise<OrderSummaryView[]> {
    if (orders.length === 0) return [];
    const lines = this.#db
      .selectFrom("order_lines")
      .select(["order_id", "product_id", "quantity", "unit_price_minor", "currency"])
      .orderBy("product_id");
    if (loading === "per-order") {
      // The N+1 problem: one more query for every order on the page.
      const views: OrderSummaryView[] = [];
      for (const order of orders) views.push(toView(order, await lines.where("order_id", "=", order.id).execute()));
      return views;
    }
    // Select-in loading: one query for all the page's lines, grouped in memory (SQLAlchemy's selectinload).
    const ids = orders.map((order) => order.id);
    const all = await lines.where("order_id", "in", ids).execute();
    const linesOf = (id: string) => all.filter((line) => line.order_id === id);
    return orders.map((order) => toView(order, linesOf(order.id)));
  }
}
