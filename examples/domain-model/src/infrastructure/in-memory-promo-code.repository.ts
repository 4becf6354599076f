import type { PromoCodeRepository } from "../application/ports/promo-code.repository.port.ts";
import type { PromoCode } from "../domain/promo-code.value-object.ts";

/** Promo codes held in memory, keyed upper case because codes are case-insensitive. */
export class InMemoryPromoCodeRepository implements PromoCodeRepository {
  private readonly codes: ReadonlyMap<string, PromoCode>;

  constructor(codes: readonly PromoCode[]) {
    this.codes = new Map(codes.map((promo) => [promo.code, promo]));
  }

  async findByCode(code: string): Promise<PromoCode | undefined> {
    return this.codes.get(code.trim().toUpperCase());
  }
}
