import { BusinessRuleViolationError } from "./domain-error.ts";

/** An amount in minor units (cents) of one currency, as the canon puts money on the wire. */
export type Amount = { readonly minorUnits: number; readonly currency: string };

/** One priced line of an order. */
export type OrderLine = { readonly productId: string; readonly quantity: number; readonly unitPrice: Amount };

/** A customer's order: placed once, read afterwards; never updated here, so it carries no version. */
export class Order {
  readonly id: string;
  readonly customerId: string;
  readonly lines: readonly OrderLine[];
  readonly placedAt: Date;

  private constructor(id: string, customerId: string, lines: readonly OrderLine[], placedAt: Date) {
    this.id = id;
    this.customerId = customerId;
    this.lines = lines;
    this.placedAt = placedAt;
  }

  /** Checks the order's invariants; the use case has already checked the products exist and priced them. */
  static place(id: string, customerId: string, lines: readonly OrderLine[], now: Date): Order {
    if (lines.length === 0) throw new BusinessRuleViolationError("order.not-empty", "An order needs at least one line");
    for (const line of lines) {
      if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 99) {
        throw new BusinessRuleViolationError("quantity.range", `A quantity is 1 to 99, not ${line.quantity}`);
      }
    }
    return new Order(id, customerId, lines, now);
  }

  /** Rebuilds a stored order without re-running the checks it passed when placed. */
  static restore(id: string, customerId: string, lines: readonly OrderLine[], placedAt: Date): Order {
    return new Order(id, customerId, lines, placedAt);
  }

  /** The sum of the lines, in the currency they share (the shop sells in one currency). */
  total(): Amount {
    const currency = this.lines[0]?.unitPrice.currency ?? "EUR";
    const minorUnits = this.lines.reduce((sum, line) => sum + line.unitPrice.minorUnits * line.quantity, 0);
    return { minorUnits, currency };
  }
}
