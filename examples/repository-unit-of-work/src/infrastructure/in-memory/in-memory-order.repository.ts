import type { OrderRepository } from "../../application/ports/order.repository.port.ts";
import { ConcurrencyConflictError } from "../../application/ports/storage-errors.ts";
import { CustomerId, OrderId, ProductId } from "../../domain/identifiers.ts";
import { Money } from "../../domain/money.value-object.ts";
import { Order } from "../../domain/order.aggregate.ts";
import { Quantity } from "../../domain/quantity.value-object.ts";
import type { OrderRecord } from "./in-memory-tables.ts";

/** Orders in a Map: the fake for unit tests, held to the same contract tests as the Postgres adapter. */
export class InMemoryOrderRepository implements OrderRepository {
  private readonly table: Map<string, OrderRecord>;

  constructor(table: Map<string, OrderRecord>) {
    this.table = table;
  }

  async findById(id: OrderId): Promise<Order | undefined> {
    const record = this.table.get(id);
    if (record === undefined) return undefined;
    return Order.restore({
      id: OrderId.of(record.id),
      customerId: CustomerId.of(record.customerId),
      placedAt: new Date(record.placedAt),
      lines: record.lines.map((line) => ({
        productId: ProductId.of(line.productId),
        quantity: Quantity.of(line.quantity),
        unitPrice: Money.of(line.unitPriceMinor, line.currency),
      })),
    });
  }

  async add(order: Order): Promise<void> {
    if (this.table.has(order.id)) throw new ConcurrencyConflictError("Order", order.id, 0);
    this.table.set(
      order.id,
      Object.freeze({
        id: order.id,
        customerId: order.customerId,
        placedAt: order.placedAt.toISOString(),
        lines: order.lines.map((line) =>
          Object.freeze({
            productId: line.productId,
            quantity: line.quantity.value,
            unitPriceMinor: line.unitPrice.minorUnits,
            currency: line.unitPrice.currency,
          }),
        ),
      }),
    );
  }
}
