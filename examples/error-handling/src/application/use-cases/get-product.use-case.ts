import { EntityNotFoundError } from "../../domain/domain-error.ts";
import { ProductId } from "../../domain/identifiers.ts";
import { CacheConnectionError } from "../ports/infrastructure-errors.ts";
import type { Logger } from "../ports/logger.port.ts";
import type { ProductCache } from "../ports/product-cache.port.ts";
import type { ProductRepository } from "../ports/product.repository.port.ts";
import { toProductDto, type ProductDto } from "../product.dto.ts";

/**
 * Reads a product through the cache. The one place in this service that catches an error: a cache
 * outage is something this use case can handle (read the database instead), so it handles it here,
 * logs it once as a warning, and lets nothing else through. Every other error keeps travelling up.
 */
export class GetProductUseCase {
  private readonly products: ProductRepository;
  private readonly cache: ProductCache;
  private readonly logger: Logger;

  constructor(deps: { products: ProductRepository; cache: ProductCache; logger: Logger }) {
    this.products = deps.products;
    this.cache = deps.cache;
    this.logger = deps.logger;
  }

  async execute(id: string): Promise<ProductDto> {
    const cached = await this.withoutCacheOutage("get", () => this.cache.get(id));
    if (cached) return cached;
    const product = await this.products.findById(ProductId.of(id));
    if (!product) throw new EntityNotFoundError("Product", id);
    const dto = toProductDto(product);
    await this.withoutCacheOutage("set", () => this.cache.set(dto));
    return dto;
  }

  /** Runs a cache call; if the cache is down, logs a warning and carries on as on a cache miss. */
  private async withoutCacheOutage<T>(operation: string, call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof CacheConnectionError)) throw error;
      this.logger.warn("cache.unavailable", { operation, error });
      return undefined;
    }
  }
}
