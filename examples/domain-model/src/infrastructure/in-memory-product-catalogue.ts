import type { ProductCatalogue } from "../application/ports/product-catalogue.port.ts";
import type { ProductId } from "../domain/identifiers.ts";
import type { Product } from "../domain/product.entity.ts";

/** Products held in memory, seeded at start. */
export class InMemoryProductCatalogue implements ProductCatalogue {
  private readonly products: ReadonlyMap<string, Product>;

  constructor(products: readonly Product[]) {
    this.products = new Map(products.map((product) => [product.id, product]));
  }

  async findById(id: ProductId): Promise<Product | undefined> {
    return this.products.get(id);
  }
}
