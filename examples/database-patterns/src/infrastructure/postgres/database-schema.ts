import type { ColumnType, Generated } from "kysely";

// The tables as TypeScript sees them: Kysely checks every query against these types, the way
// SQLAlchemy's `Mapped[...]` columns type a model. Keep them in step with the migrations.

/** int8 columns: node-postgres returns them as strings, PGlite as numbers; both are read through Number(). */
type BigIntColumn = ColumnType<string | number, number, number>;
/** timestamptz: read as a Date, written as a Date (always an instant, never a local time). */
type Instant = ColumnType<Date, Date | undefined, Date>;

/** The order lifecycle as a Postgres enum (migration 001). */
export type OrderStatus = "pending" | "confirmed" | "shipped" | "delivered" | "cancelled";

export interface ProductsTable {
  id: string;
  /** The display name until the expand/contract rename: dropped by migration 006. */
  name: ColumnType<string | null, string | undefined, string>;
  /** The display name from migration 003 on (nullable until 005). */
  title: ColumnType<string | null, string | undefined, string>;
  unit_price_minor: BigIntColumn;
  currency: string;
  stock: number;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface OrdersTable {
  /** UUID v7: time-ordered, so new rows land at the right-hand end of the primary key's index. */
  id: string;
  customer_id: string;
  status: Generated<OrderStatus>;
  /** Free-form extras as JSONB; never call such a column `metadata` (SQLAlchemy reserves the name). */
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
  placed_at: Instant;
  version: Generated<number>;
}

export interface OrderLinesTable {
  order_id: string;
  product_id: string;
  quantity: number;
  unit_price_minor: BigIntColumn;
  currency: string;
}

export interface OutboxTable {
  id: string;
  type: string;
  payload: ColumnType<unknown, string, string>;
  occurred_at: Instant;
  published_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** The whole database, for `Kysely<Database>`. */
export interface Database {
  products: ProductsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  outbox: OutboxTable;
}
