import { CustomerId, OrderId, ProductId } from "../../src/domain/identifiers.ts";
import { Money } from "../../src/domain/money.value-object.ts";
import { Order, type NewOrderLine } from "../../src/domain/order.aggregate.ts";
import { Quantity } from "../../src/domain/quantity.value-object.ts";
import { FakeClock } from "../fakes/fake-clock.ts";

/** The fields a test may override on a line, in plain values; everything else keeps its default. */
export type LineOverrides = { productId?: string; quantity?: number; minorUnits?: number; currency?: string };

/** A valid order line (two of p-1 at EUR 10.00) with only the fields a test names changed. */
export function aLine(overrides: LineOverrides = {}): NewOrderLine {
  const { productId = "p-1", quantity = 2, minorUnits = 1000, currency = "EUR" } = overrides;
  return {
    productId: ProductId.of(productId),
    quantity: Quantity.of(quantity),
    unitPrice: Money.of(minorUnits, currency),
  };
}

/**
 * Builds a pending Order from defaults that satisfy every rule, so a test states only what it is about
 * (`anOrder().withLines(aLine({ quantity: 5 })).build()`). Times come from a fixed clock, never the wall clock.
 */
export class OrderBuilder {
  #id = "o-1";
  #customerId = "c-1";
  #lines: readonly NewOrderLine[] = [aLine()];
  #promoCode: string | null = null;
  #now: Date = new FakeClock().now();

  withId(id: string): this {
    this.#id = id;
    return this;
  }

  forCustomer(customerId: string): this {
    this.#customerId = customerId;
    return this;
  }

  withLines(...lines: NewOrderLine[]): this {
    this.#lines = lines;
    return this;
  }

  withPromoCode(code: string): this {
    this.#promoCode = code;
    return this;
  }

  placedAt(now: Date): this {
    this.#now = now;
    return this;
  }

  /** Goes through the real factory, so a builder can never produce an order the domain would refuse. */
  build(): Order {
    return Order.place({
      id: OrderId.of(this.#id),
      customerId: CustomerId.of(this.#customerId),
      lines: this.#lines,
      promoCode: this.#promoCode,
      now: this.#now,
    });
  }
}

/** Starts an OrderBuilder: `anOrder().build()` is a valid pending order. */
export const anOrder = (): OrderBuilder => new OrderBuilder();
