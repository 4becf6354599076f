/** One product and how many units of it. */
export type StockLine = { readonly productId: string; readonly quantity: number };

/**
 * Stock reservations, as another service would offer them. Both calls are idempotent on the
 * reservation id the caller chooses, so the saga may repeat them after a crash or a timeout.
 */
export interface Inventory {
  /** Takes the units out of stock under `reservationId`, all or none; a repeat changes nothing. Throws InsufficientStockError. */
  reserve(reservationId: string, lines: readonly StockLine[]): Promise<void>;
  /** Puts a reservation's units back; releasing twice, or releasing an unknown reservation, changes nothing. */
  release(reservationId: string): Promise<void>;
}
