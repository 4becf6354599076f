import type { OrderRepository } from "../application/ports/order.repository.port.ts";
import { OrderId, ProductId } from "../domain/identifiers.ts";
import { Money } from "../domain/money.value-object.ts";
import { Order } from "../domain/order.entity.ts";
import { translateDatabaseError } from "./database-errors.ts";
import type { InMemoryDatabase, OrderRow } from "./in-memory-database.ts";
import { observedCall, type Telemetry } from "./observed-call.ts";

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

/**
 * Orders in the database; driver failures leave this class only as DatabaseConnectionError. Each
 * query is a span and a sample in `repository_operation_duration_seconds`.
 */
export class DatabaseOrderRepository implements OrderRepository {
  private readonly database: InMemoryDatabase;
  private readonly telemetry: Telemetry;

  constructor(database: InMemoryDatabase, telemetry: Telemetry) {
    this.database = database;
    this.telemetry = telemetry;
  }

  async add(order: Order): Promise<void> {
    const row = toRow(order);
    await this.observed("add", "INSERT", () => this.database.query((tables) => void tables.orders.set(row.id, row)));
  }

  async findById(id: OrderId): Promise<Order | undefined> {
    const row = await this.observed("findById", "SELECT", () => this.database.query((tables) => tables.orders.get(id)));
    return row && toOrder(row);
  }

  private observed<T>(operation: string, statement: string, query: () => Promise<T>): Promise<T> {
    return observedCall(
      this.telemetry.tracer,
      {
        span: `OrderRepository.${operation}`,
        attributes: { "db.system.name": "postgresql", "db.operation.name": statement, "db.collection.name": "orders" },
        histogram: this.telemetry.metrics.repositoryDuration,
        labels: { repository: "orders", operation },
      },
      () => query().catch(translateDatabaseError),
    );
  }
}
