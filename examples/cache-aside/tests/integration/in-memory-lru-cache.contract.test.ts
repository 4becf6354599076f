import type { CachedProduct } from "../../src/application/product-cache.ts";
import { InMemoryLruCache } from "../../src/infrastructure/in-memory-lru-cache.ts";
import { describeCacheContract } from "../contract/cache.contract.ts";
import { FakeClock } from "../fakes/fake-clock.ts";

const COLD = 7;
const HOT = 3;

describeCacheContract(
  "in-memory LRU",
  async () => {
    const clock = new FakeClock();
    return {
      cache: new InMemoryLruCache<CachedProduct>({ clock, maxEntries: COLD + HOT }),
      passTime: async (ms) => clock.advance(ms),
      eviction: { cold: COLD, hot: HOT, newcomers: COLD, fillUp: async () => undefined, recencyTickMs: 0 },
    };
  },
  "an in-process cache has no connection to drop and no value types to confuse (FailOpenCache is unit-tested with a failing fake)",
);
