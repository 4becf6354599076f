import type { PromoCode } from "../../domain/promo-code.value-object.ts";

/** Looks up promo codes, case-insensitively. */
export interface PromoCodeRepository {
  findByCode(code: string): Promise<PromoCode | undefined>;
}
