import { sql } from "kysely";
import type { MigrationDb } from "./migration-db.ts";

// Constraints have names that follow one convention (pk_, fk_, ck_, uq_, ix_ + table + columns), so a
// later migration can drop or change them by name, the way Alembic's naming_convention does it.

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createType("order_status")
    .asEnum(["pending", "confirmed", "shipped", "delivered", "cancelled"])
    .execute();

  await db.schema
    .createTable("products")
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("unit_price_minor", "bigint", (c) => c.notNull()) // money as integer minor units
    .addColumn("currency", sql`char(3)`, (c) => c.notNull())
    .addColumn("stock", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("pk_products", ["id"])
    .addCheckConstraint("ck_products_unit_price_minor", sql`unit_price_minor >= 0`)
    .addCheckConstraint("ck_products_stock", sql`stock >= 0`)
    .addCheckConstraint("ck_products_name", sql`length(name) between 1 and 200`)
    .execute();

  await db.schema
    .createTable("orders")
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("status", sql`order_status`, (c) => c.notNull().defaultTo("pending"))
    .addColumn("attributes", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("placed_at", "timestamptz", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("pk_orders", ["id"])
    .execute();
  // Keyset pagination walks this index: newest first, the id breaking ties between equal timestamps.
  await db.schema.createIndex("ix_orders_placed_at_id").on("orders").columns(["placed_at desc", "id desc"]).execute();

  await db.schema
    .createTable("order_lines")
    .addColumn("order_id", "uuid", (c) => c.notNull())
    .addColumn("product_id", "text", (c) => c.notNull())
    .addColumn("quantity", "integer", (c) => c.notNull())
    .addColumn("unit_price_minor", "bigint", (c) => c.notNull())
    .addColumn("currency", sql`char(3)`, (c) => c.notNull())
    .addPrimaryKeyConstraint("pk_order_lines", ["order_id", "product_id"])
    .addForeignKeyConstraint("fk_order_lines_order_id_orders", ["order_id"], "orders", ["id"], (fk) =>
      fk.onDelete("cascade"),
    )
    .addForeignKeyConstraint("fk_order_lines_product_id_products", ["product_id"], "products", ["id"])
    .addCheckConstraint("ck_order_lines_quantity", sql`quantity between 1 and 99`)
    .execute();
  // Postgres does not index the referencing side of a foreign key by itself.
  await db.schema.createIndex("ix_order_lines_product_id").on("order_lines").column("product_id").execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("order_lines").execute();
  await db.schema.dropTable("orders").execute();
  await db.schema.dropTable("products").execute();
  await db.schema.dropType("order_status").execute();
}
