/** The faults a reader switches on for the payments service with `POST /payments/faults`. */
export type PaymentFaults = {
  /** Added before every answer, in milliseconds. */
  readonly latencyMs: number;
  /** Share of charges answered 500, from 0 to 1. */
  readonly errorRate: number;
  /** Refuse connections altogether, like a crashed service. */
  readonly down: boolean;
};

export const NO_FAULTS: PaymentFaults = { latencyMs: 0, errorRate: 0, down: false };

/** The current faults, shared by the payments app and the network in front of it. */
export class FaultSwitchboard {
  private faults: PaymentFaults = NO_FAULTS;

  get current(): PaymentFaults {
    return this.faults;
  }

  set(changes: Partial<PaymentFaults>): PaymentFaults {
    this.faults = { ...this.faults, ...changes };
    return this.faults;
  }
}
