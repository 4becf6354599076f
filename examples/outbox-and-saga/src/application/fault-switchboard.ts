/**
 * Faults the reader can switch on (`POST /faults`), each one-shot or counted so an experiment
 * cannot leave the service broken by accident. Adapters in src/infrastructure/faults/ read them.
 */
export type Faults = {
  /** The payment provider declines every charge while true. */
  readonly declinePayments: boolean;
  /** The next N stock releases fail as if the inventory service were down. */
  readonly failReleases: number;
  /** The relay crashes after publishing this many messages of its next batch, before marking any sent. */
  readonly crashRelayAfter: number | null;
  /** The next N published messages are delivered twice, as at-least-once brokers sometimes do. */
  readonly duplicateDeliveries: number;
};

export const NO_FAULTS: Faults = {
  declinePayments: false,
  failReleases: 0,
  crashRelayAfter: null,
  duplicateDeliveries: 0,
};

/** Holds the current faults. Plain state in memory: faults are an experiment, not data. */
export class FaultSwitchboard {
  #faults: Faults = NO_FAULTS;

  get current(): Faults {
    return this.#faults;
  }

  /** Changes the named faults and keeps the others; returns the result. */
  set(changes: Partial<Faults>): Faults {
    this.#faults = { ...this.#faults, ...changes };
    return this.#faults;
  }

  reset(): Faults {
    this.#faults = NO_FAULTS;
    return this.#faults;
  }
}
