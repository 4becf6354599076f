import type { SettleOrderUseCase } from "./settle-order.use-case.ts";
import type { Inventory } from "./ports/inventory.port.ts";
import type { PaymentGateway } from "./ports/payment-gateway.port.ts";
import type { SagaDefinition, SagaState } from "./saga.ts";

/** What the checkout saga's steps call: two other services and this service's own orders. */
export type CheckoutDeps = {
  readonly inventory: Inventory;
  readonly payments: PaymentGateway;
  readonly orders: SettleOrderUseCase;
};

/**
 * Checkout, orchestrated: reserve stock → charge payment → confirm the order. Every call carries an
 * idempotency key made of the saga id and the step, so running a step again after a crash (before
 * its result was saved) charges or reserves nothing twice.
 */
export function checkoutSaga(deps: CheckoutDeps): SagaDefinition {
  const reservationId = (saga: SagaState) => `${saga.id}:reserve-stock`;
  return {
    steps: [
      {
        name: "reserve-stock",
        run: (saga) => deps.inventory.reserve(reservationId(saga), saga.input.lines),
        compensation: { name: "release-stock", run: (saga) => deps.inventory.release(reservationId(saga)) },
      },
      {
        name: "charge-payment",
        run: async (saga) => {
          saga.data["paymentId"] = await deps.payments.charge({
            idempotencyKey: `${saga.id}:charge-payment`,
            orderId: saga.input.orderId,
            amount: saga.input.total,
          });
        },
        compensation: {
          name: "refund-payment",
          run: async (saga) => {
            const paymentId = saga.data["paymentId"];
            if (paymentId === undefined) throw new Error(`saga ${saga.id} has no payment to refund`);
            await deps.payments.refund({ idempotencyKey: `${saga.id}:refund-payment`, paymentId });
          },
        },
      },
      // Last on purpose: once the order is confirmed (and order.confirmed announced), nothing after it may fail.
      { name: "confirm-order", run: (saga) => deps.orders.confirm(saga.input.orderId) },
    ],
    whenCompensated: {
      name: "cancel-order",
      run: (saga) => deps.orders.cancel(saga.input.orderId, saga.failure ?? "checkout failed"),
    },
  };
}
