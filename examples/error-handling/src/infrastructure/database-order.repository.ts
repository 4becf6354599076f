import type { OrderRepository } from "../application/ports/order.repository.port.ts";
import { OrderId, ProductId } from "../domain/identifiers.ts";
import { Money } from "../domain/money.value-object.ts";
import { Order } from "../domain/order.entity.ts";
import { translateDatabaseError } from "./database-errors.ts";
import type { InMemoryDatabase, OrderRow } from "./in-memory-database.ts";

function toRow(order: Order): OrderRow {
  return {
    id: order.id,
    created_at: order.createdAt.toISOString(),
    lines: order.lines.map((line) => ({
      product_id: line.productId,
      quantity: line.quantity,
      unit_price_minor: line.unitPrice.minorUnits,
      currency: line.unitPrice.currency,
    })),
  };
}

function toOrder(row: OrderRow): Order {
  const lines = row.lines.map((line) => ({
    productId: ProductId.of(line.product_id),
    quantity: line.quantity,
    unitPrice: Money.of(line.unit_price_minor, line.currency),
  }));
  return Order.restore(OrderId.of(row.id), lines, new Date(row.created_at));
}

/** Orders in the database; driver failures leave this class only as DatabaseConnectionError. */
export class DatabaseOrderRepository implements OrderRepository {
  private readonly database: InMemoryDatabase;

  constructor(database: InMemoryDatabase) {
    this.database = database;
  }

  async add(order: Order): Promise<void> {
    const row = toRow(order);
    await this.database.query((tables) => void tables.orders.set(row.id, row)).catch(translateDatabaseError);
  }

  async findById(id: OrderId): Promise<Order | undefined> {
    const row = await this.database.query((tables) => tables.orders.get(id)).catch(translateDatabaseError);
    return row && toOrder(row);
  }
}
