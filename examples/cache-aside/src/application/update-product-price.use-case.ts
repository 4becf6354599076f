import { EntityNotFoundError } from "../domain/domain-error.ts";
import { ProductId } from "../domain/identifiers.ts";
import { Money, type MoneyJson } from "../domain/money.value-object.ts";
import type { Cache } from "./ports/cache.port.ts";
import type { ProductRepository } from "./ports/product.repository.port.ts";
import { productCacheKey, type CachedProduct } from "./product-cache.ts";
import { toProductView, type ProductView } from "./product-view.ts";
import type { SingleFlight } from "./single-flight.ts";

/** What UpdateProductPriceUseCase needs. */
export type UpdateProductPriceDeps = {
  readonly products: ProductRepository;
  readonly cache: Cache<CachedProduct>;
  readonly loads: SingleFlight<CachedProduct>;
};

/** Changes a product's price, then invalidates its cache entry. */
export class UpdateProductPriceUseCase {
  private readonly deps: UpdateProductPriceDeps;

  constructor(deps: UpdateProductPriceDeps) {
    this.deps = deps;
  }

  async execute(productId: string, price: MoneyJson): Promise<ProductView> {
    const { products, cache, loads } = this.deps;
    const product = await products.findById(ProductId.of(productId));
    if (product === undefined) throw new EntityNotFoundError("Product", productId);
    product.changePrice(Money.of(price.minorUnits, price.currency));

    // 1. Commit the write. Invalidating before it would let a read refill the cache with the old price.
    await products.save(product);
    // 2. Detach any load that started before the write, so it cannot put the old price back...
    const key = productCacheKey(productId);
    loads.forget(key);
    // 3. ...and delete the entry (not overwrite it): the next read loads the committed value.
    await cache.delete(key);
    return toProductView(product);
  }
}
