import type { ProductCatalogue } from "../application/ports/product-catalogue.port.ts";
import type { Amount } from "../domain/order.entity.ts";

/** Product prices in a Map, by product id. */
export class InMemoryProductCatalogue implements ProductCatalogue {
  private readonly prices: ReadonlyMap<string, Amount>;

  constructor(prices: Readonly<Record<string, Amount>>) {
    this.prices = new Map(Object.entries(prices));
  }

  async priceOf(productId: string): Promise<Amount | undefined> {
    return this.prices.get(productId);
  }
}
