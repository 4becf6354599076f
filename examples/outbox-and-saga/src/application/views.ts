import type { MoneyJson } from "../domain/money.value-object.ts";
import type { Order, OrderStatus } from "../domain/order.aggregate.ts";
import type { SagaDefinition, SagaLogEntry, SagaState, SagaStatus } from "./saga.ts";

/** An order as callers see it: plain data, ready for JSON. */
export type OrderView = {
  readonly id: string;
  readonly customerId: string;
  readonly status: OrderStatus;
  readonly cancellationReason: string | null;
  readonly placedAt: string;
  readonly lines: readonly { productId: string; quantity: number; unitPrice: MoneyJson }[];
  readonly total: MoneyJson;
};

/** Copies an order into its view. */
export function toOrderView(order: Order): OrderView {
  return {
    id: order.id,
    customerId: order.customerId,
    status: order.status,
    cancellationReason: order.cancellationReason,
    placedAt: order.placedAt.toISOString(),
    lines: order.lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity.value,
      unitPrice: line.unitPrice.toJSON(),
    })),
    total: order.total.toJSON(),
  };
}

/** Where one step of a saga stands. */
export type SagaStepView = {
  readonly name: string;
  readonly status: "pending" | "done" | "failed" | "compensated";
  readonly compensation: string | null;
};

/** A saga as `GET /sagas/:id` shows it: its status, each step's, and the history of tries. */
export type SagaView = {
  readonly id: string;
  readonly orderId: string;
  readonly status: SagaStatus;
  readonly failure: string | null;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly steps: readonly SagaStepView[];
  readonly log: readonly SagaLogEntry[];
};

/** Copies a saga's state into its view, working out each step's status from the state and the log. */
export function toSagaView(state: SagaState, definition: SagaDefinition): SagaView {
  const running = state.status === "started" || state.status === "compensating";
  return {
    id: state.id,
    orderId: state.input.orderId,
    status: state.status,
    failure: state.failure,
    attempts: state.attempts,
    nextAttemptAt: running ? state.nextAttemptAt : null,
    steps: definition.steps.map((step) => ({
      name: step.name,
      status: stepStatus(state, step.name, step.compensation?.name),
      compensation: step.compensation?.name ?? null,
    })),
    log: state.log,
  };
}

function stepStatus(state: SagaState, name: string, compensation: string | undefined): SagaStepView["status"] {
  if (state.completedSteps.includes(name)) return "done";
  if (
    compensation !== undefined &&
    state.log.some((entry) => entry.step === compensation && entry.outcome === "done")
  ) {
    return "compensated";
  }
  return state.log.some((entry) => entry.step === name && entry.outcome === "failed") ? "failed" : "pending";
}
