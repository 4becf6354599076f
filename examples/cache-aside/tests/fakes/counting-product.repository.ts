import type { ProductRepository } from "../../src/application/ports/product.repository.port.ts";
import type { ProductId } from "../../src/domain/identifiers.ts";
import type { Product } from "../../src/domain/product.entity.ts";
import { InMemoryProductRepository } from "../../src/infrastructure/in-memory-product.repository.ts";
import { seedProducts } from "../../src/infrastructure/seed-products.ts";

/**
 * The seeded in-memory repository, plus what cache tests need to see: how many reads reached it,
 * and a way to hold one read back until the test lets it go (to line up races exactly).
 */
export class CountingProductRepository implements ProductRepository {
  readonly #inner = new InMemoryProductRepository(seedProducts());
  #hold: { reached: () => void; released: Promise<void> } | undefined;
  reads = 0;

  async findById(id: ProductId): Promise<Product | undefined> {
    this.reads += 1;
    const hold = this.#hold;
    this.#hold = undefined;
    const product = await this.#inner.findById(id); // read now, as a database would...
    if (hold !== undefined) {
      hold.reached();
      await hold.released; // ...but deliver the result only when released
    }
    return product;
  }

  async save(product: Product): Promise<void> {
    await this.#inner.save(product);
  }

  /** Holds back the result of the next read: `reached` resolves once it has read, `release` lets it return. */
  holdNextRead(): { reached: Promise<void>; release: () => void } {
    const reached = Promise.withResolvers<void>();
    const released = Promise.withResolvers<void>();
    this.#hold = { reached: reached.resolve, released: released.promise };
    return { reached: reached.promise, release: released.resolve };
  }
}
