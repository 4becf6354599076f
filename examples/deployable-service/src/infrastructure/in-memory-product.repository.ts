import type { ProductRepository } from "../application/ports/product.repository.port.ts";
import type { ProductId } from "../domain/identifiers.ts";
import type { Product } from "../domain/product.entity.ts";

/** Products kept in a Map. */
export class InMemoryProductRepository implements ProductRepository {
  private readonly byId: Map<ProductId, Product>;

  constructor(products: readonly Product[] = []) {
    this.byId = new Map(products.map((product) => [product.id, product]));
  }

  async findByIds(ids: readonly ProductId[]): Promise<Product[]> {
    return ids.flatMap((id) => this.byId.get(id) ?? []);
  }
}
