import type { Migration, MigrationProvider } from "kysely/migration";
import * as m001 from "./001_create_catalog_and_orders.ts";
import * as m002 from "./002_create_outbox.ts";
import * as m003 from "./003_expand_add_products_title.ts";
import * as m004 from "./004_expand_backfill_products_title.ts";
import * as m005 from "./005_contract_require_products_title.ts";
import * as m006 from "./006_contract_drop_products_name.ts";

/**
 * Every migration, by name, in order. Listed here rather than read from the folder, so they load the same
 * way in Node and in a browser runtime without a file system; Kysely records applied names in
 * kysely_migration and runs the rest in name order.
 */
export const migrations: Record<string, Migration> = {
  "001_create_catalog_and_orders": m001,
  "002_create_outbox": m002,
  "003_expand_add_products_title": m003,
  "004_expand_backfill_products_title": m004,
  "005_contract_require_products_title": m005,
  "006_contract_drop_products_name": m006,
};

/** The names in order. */
export const MIGRATION_NAMES = Object.keys(migrations);

export const migrationProvider: MigrationProvider = { getMigrations: async () => migrations };
