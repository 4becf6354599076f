import type { ProductCatalog } from "../application/ports/product-catalog.port.ts";
import type { ProductId } from "../domain/identifiers.ts";
import type { Product } from "../domain/product.entity.ts";

/** The catalog, held in memory. */
export class InMemoryProductCatalog implements ProductCatalog {
  private readonly products: ReadonlyMap<ProductId, Product>;

  constructor(products: readonly Product[]) {
    this.products = new Map(products.map((product) => [product.id, product]));
  }

  async findByIds(ids: readonly ProductId[]): Promise<ReadonlyMap<ProductId, Product>> {
    return new Map(ids.flatMap((id) => this.products.get(id) ?? []).map((product) => [product.id, product]));
  }
}
