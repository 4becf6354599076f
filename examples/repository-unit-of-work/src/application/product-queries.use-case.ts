import { EntityNotFoundError } from "../domain/domain-error.ts";
import { ProductId } from "../domain/identifiers.ts";
import type { ProductRepository } from "./ports/product.repository.port.ts";
import { toProductView, type ProductView } from "./views.ts";

/** Reads products with their stock and version, to watch reservations happen (or roll back). */
export class ProductQueriesUseCase {
  private readonly products: ProductRepository;

  constructor(products: ProductRepository) {
    this.products = products;
  }

  async list(): Promise<ProductView[]> {
    return (await this.products.list()).map(toProductView);
  }

  async get(productId: string): Promise<ProductView> {
    const product = await this.products.findById(ProductId.of(productId));
    if (product === undefined) throw new EntityNotFoundError("Product", productId);
    return toProductView(product);
  }
}
