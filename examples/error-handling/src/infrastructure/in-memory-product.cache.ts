import { CacheConnectionError } from "../application/ports/infrastructure-errors.ts";
import type { ProductCache } from "../application/ports/product-cache.port.ts";
import type { ProductDto } from "../application/product.dto.ts";

/**
 * Product reads cached in a Map (the cache-aside example shows TTLs, LRU and invalidation). When
 * `reachable` is false it fails as a cache client does when its server is down, already translated:
 * a CacheConnectionError whose cause is the raw connection error.
 */
export class InMemoryProductCache implements ProductCache {
  reachable = true;
  private readonly entries = new Map<string, ProductDto>();

  async get(id: string): Promise<ProductDto | undefined> {
    this.failIfUnreachable();
    return this.entries.get(id);
  }

  async set(product: ProductDto): Promise<void> {
    this.failIfUnreachable();
    this.entries.set(product.id, product);
  }

  private failIfUnreachable(): void {
    if (this.reachable) return;
    const raw = Object.assign(new Error("connect ECONNREFUSED 10.0.0.13:6379"), { code: "ECONNREFUSED" });
    throw new CacheConnectionError("cache unreachable (ECONNREFUSED)", { cause: raw });
  }
}
