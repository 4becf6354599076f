import type { OrderPlacedV1 } from "./integration-events.ts";
import type { SagaStore } from "./ports/saga.store.port.ts";
import { newSagaState, type SagaState } from "./saga.ts";

/**
 * Reacts to `order.placed` by creating a checkout saga, due at once. The consumer calls it inside
 * the transaction that records the message as processed, so a redelivered `order.placed` finds the
 * message id already there and starts nothing: one order, one saga.
 */
export async function startCheckout(store: SagaStore, event: OrderPlacedV1, now: Date): Promise<SagaState> {
  const state = newSagaState(
    crypto.randomUUID(),
    {
      orderId: event.orderId,
      customerId: event.customerId,
      lines: event.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
      total: event.subtotal, // no discounts in this shop's checkout: the subtotal is what is charged
    },
    now,
  );
  await store.create(state);
  return state;
}
