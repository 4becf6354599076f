import { setTimeout as sleep } from "node:timers/promises";
import type { ProductRepository } from "../application/ports/product.repository.port.ts";
import { ProductId } from "../domain/identifiers.ts";
import { Money } from "../domain/money.value-object.ts";
import { Product } from "../domain/product.entity.ts";

type ProductRecord = Readonly<{ id: string; name: string; priceMinor: number; currency: string }>;

/**
 * Products in a Map, stored as plain records so a change counts only once saved. `latencyMs`
 * stands in for a database round trip, so a MISS costs something and a stampede is a real race.
 */
export class InMemoryProductRepository implements ProductRepository {
  readonly #records = new Map<string, ProductRecord>();
  readonly #latencyMs: number;

  constructor(products: readonly Product[], options: { latencyMs: number } = { latencyMs: 0 }) {
    for (const product of products) this.#records.set(product.id, toRecord(product));
    this.#latencyMs = options.latencyMs;
  }

  async findById(id: ProductId): Promise<Product | undefined> {
    if (this.#latencyMs > 0) await sleep(this.#latencyMs);
    const record = this.#records.get(id);
    return record && new Product(ProductId.of(record.id), record.name, Money.of(record.priceMinor, record.currency));
  }

  async save(product: Product): Promise<void> {
    if (this.#latencyMs > 0) await sleep(this.#latencyMs);
    this.#records.set(product.id, toRecord(product));
  }
}

function toRecord(product: Product): ProductRecord {
  return Object.freeze({
    id: product.id,
    name: product.name,
    priceMinor: product.price.minorUnits,
    currency: product.price.currency,
  });
}
