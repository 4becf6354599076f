import type { OrderRepository } from "../../application/ports/order.repository.port.ts";
import { ConcurrencyConflictError } from "../../application/ports/storage-errors.ts";
import { CustomerId, OrderId, ProductId } from "../../domain/identifiers.ts";
import { Money } from "../../domain/money.value-object.ts";
import { Order } from "../../domain/order.aggregate.ts";
import { Quantity } from "../../domain/quantity.value-object.ts";
import { isUniqueViolation, runQuery, type SqlClient } from "./sql-client.ts";

type OrderRow = { id: string; customer_id: string; placed_at: Date };
type OrderLineRow = { product_id: string; quantity: number; unit_price_minor: number; currency: string };

/**
 * Orders in Postgres (PGlite): one row in `orders`, one per line in `order_lines`.
 * `add` runs several statements, so call it inside a unit of work (PlaceOrderUseCase does).
 */
export class PostgresOrderRepository implements OrderRepository {
  private readonly client: SqlClient;

  constructor(client: SqlClient) {
    this.client = client;
  }

  async findById(id: OrderId): Promise<Order | undefined> {
    const { rows } = await runQuery<OrderRow>(
      this.client,
      "SELECT id, customer_id, placed_at FROM orders WHERE id = $1",
      [id],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    const lines = await runQuery<OrderLineRow>(
      this.client,
      `SELECT product_id, quantity, unit_price_minor, currency
       FROM order_lines WHERE order_id = $1 ORDER BY line_no`,
      [id],
    );
    return Order.restore({
      id: OrderId.of(row.id),
      customerId: CustomerId.of(row.customer_id),
      placedAt: row.placed_at,
      lines: lines.rows.map((line) => ({
        productId: ProductId.of(line.product_id),
        quantity: Quantity.of(line.quantity),
        unitPrice: Money.of(line.unit_price_minor, line.currency),
      })),
    });
  }

  async add(order: Order): Promise<void> {
    try {
      await runQuery(this.client, "INSERT INTO orders (id, customer_id, placed_at) VALUES ($1, $2, $3)", [
        order.id,
        order.customerId,
        order.placedAt,
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConcurrencyConflictError("Order", order.id, 0);
      throw error;
    }
    for (const [index, line] of order.lines.entries()) {
      await runQuery(
        this.client,
        `INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price_minor, currency)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [order.id, index + 1, line.productId, line.quantity.value, line.unitPrice.minorUnits, line.unitPrice.currency],
      );
    }
  }
}
