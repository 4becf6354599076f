import type { PGlite } from "@electric-sql/pglite";
import type { Inventory, StockLine } from "../../application/ports/inventory.port.ts";
import { InsufficientStockError } from "../../domain/stock.errors.ts";
import { runQuery } from "./sql-client.ts";

/**
 * The inventory service, played by the products table. In a real system it is another service with
 * its own database; what matters here is its contract: reservations keyed by the caller's id, so
 * a repeated reserve or release changes nothing.
 */
export class PostgresInventory implements Inventory {
  private readonly db: PGlite;

  constructor(db: PGlite) {
    this.db = db;
  }

  async reserve(reservationId: string, lines: readonly StockLine[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      const claimed = await runQuery(
        tx,
        "INSERT INTO stock_reservations (id, lines) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
        [reservationId, JSON.stringify(lines)],
      );
      if (claimed.affectedRows === 0) return; // reserved before (a retry after a crash): nothing more to take
      for (const line of lines) {
        // Check and decrement in one statement, so two reservations cannot both take the last unit.
        const taken = await runQuery(tx, "UPDATE products SET stock = stock - $2 WHERE id = $1 AND stock >= $2", [
          line.productId,
          line.quantity,
        ]);
        if (taken.affectedRows !== 1) {
          const { rows } = await runQuery<{ stock: number }>(tx, "SELECT stock FROM products WHERE id = $1", [
            line.productId,
          ]);
          throw new InsufficientStockError(line.productId, line.quantity, rows[0]?.stock ?? 0); // rolls back every line
        }
      }
    });
  }

  async release(reservationId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { rows } = await runQuery<{ lines: StockLine[] }>(
        tx,
        "UPDATE stock_reservations SET released = true WHERE id = $1 AND NOT released RETURNING lines",
        [reservationId],
      );
      for (const line of rows[0]?.lines ?? []) {
        await runQuery(tx, "UPDATE products SET stock = stock + $2 WHERE id = $1", [line.productId, line.quantity]);
      }
    });
  }
}
