import { setTimeout as sleep } from "node:timers/promises";
import { ConcurrencyConflictError } from "../application/ports/concurrency-errors.ts";
import type { ProductRepository } from "../application/ports/product.repository.port.ts";
import { ProductId } from "../domain/identifiers.ts";
import { Money } from "../domain/money.value-object.ts";
import { Product } from "../domain/product.entity.ts";

type ProductRecord = Readonly<{ id: string; name: string; priceMinor: number; currency: string; version: number }>;

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
    if (record === undefined) return undefined;
    return new Product(
      ProductId.of(record.id),
      record.name,
      Money.of(record.priceMinor, record.currency),
      record.version,
    );
  }

  async save(product: Product): Promise<void> {
    if (this.#latencyMs > 0) await sleep(this.#latencyMs);
    // Compare-and-set, with no await between the check and the write, as `UPDATE … WHERE version = $n` would.
    const storedVersion = this.#records.get(product.id)?.version ?? 0;
    if (storedVersion !== product.version) throw new ConcurrencyConflictError("Product", product.id, product.version);
    this.#records.set(product.id, toRecord(product, product.version + 1));
    product.markSaved();
  }
}

function toRecord(product: Product, version = product.version): ProductRecord {
  return Object.freeze({
    id: product.id,
    name: product.name,
    priceMinor: product.price.minorUnits,
    currency: product.price.currency,
    version,
  });
}
