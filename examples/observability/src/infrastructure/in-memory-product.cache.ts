import { CacheConnectionError } from "../application/ports/infrastructure-errors.ts";
import type { ProductCache } from "../application/ports/product-cache.port.ts";
import type { ProductId } from "../domain/identifiers.ts";
import type { Product } from "../domain/product.entity.ts";
import { observedCall, type Telemetry } from "./observed-call.ts";

/**
 * Catalogue entries cached in a Map (the cache-aside example shows TTLs, LRU and invalidation). When
 * `reachable` is false it fails as a cache client does when its server is down, already translated:
 * a CacheConnectionError whose cause is the raw connection error. Every call is a span and a sample
 * in `cache_operation_duration_seconds`; every read counts as a hit or a miss.
 */
export class InMemoryProductCache implements ProductCache {
  reachable = true;
  private readonly entries = new Map<ProductId, Product>();
  private readonly telemetry: Telemetry;

  constructor(telemetry: Telemetry) {
    this.telemetry = telemetry;
  }

  async get(id: ProductId): Promise<Product | undefined> {
    const product = await this.observed("get", () => this.entries.get(id));
    const counter = product ? this.telemetry.metrics.cacheHits : this.telemetry.metrics.cacheMisses;
    counter.inc({ cache: "products" });
    return product;
  }

  async set(product: Product): Promise<void> {
    await this.observed("set", () => void this.entries.set(product.id, product));
  }

  async ping(): Promise<void> {
    await this.observed("ping", () => undefined);
  }

  private observed<T>(operation: string, work: () => T): Promise<T> {
    return observedCall(
      this.telemetry.tracer,
      {
        span: `ProductCache.${operation}`,
        attributes: { "db.system.name": "redis", "db.operation.name": operation.toUpperCase() },
        histogram: this.telemetry.metrics.cacheDuration,
        labels: { cache: "products", operation },
      },
      async () => {
        this.failIfUnreachable();
        return work();
      },
    );
  }

  private failIfUnreachable(): void {
    if (this.reachable) return;
    const raw = Object.assign(new Error("connect ECONNREFUSED 10.0.0.13:6379"), { code: "ECONNREFUSED" });
    throw new CacheConnectionError("cache unreachable (ECONNREFUSED)", { cause: raw });
  }
}
