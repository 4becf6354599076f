import type { Caller } from "../../src/application/caller.ts";
import { OrderUseCases, type NewOrder } from "../../src/application/use-cases/order.use-cases.ts";
import type { Order } from "../../src/domain/order.entity.ts";

/** Order use cases whose `place` waits until the test opens the gate: a request the test holds in flight. */
export class GatedOrderUseCases extends OrderUseCases {
  readonly #gate = Promise.withResolvers<void>();
  readonly #entered = Promise.withResolvers<void>();
  placed = 0;

  /** Settles once a request has reached the use case (and so has claimed its idempotency key). */
  get entered(): Promise<void> {
    return this.#entered.promise;
  }

  open(): void {
    this.#gate.resolve();
  }

  override async place(caller: Caller, input: NewOrder): Promise<Order> {
    this.#entered.resolve();
    await this.#gate.promise;
    this.placed += 1;
    return super.place(caller, input);
  }
}
