import type { AdvanceSagasUseCase } from "../application/advance-sagas.use-case.ts";
import type { OutboxRelay } from "./outbox-relay.ts";

/**
 * Runs the relay and the saga worker every `intervalMs` until stopped. In production they would be
 * separate processes (or at least separate loops); one timer keeps the example easy to follow.
 * A failed round is reported and the next round tries again: that is the whole recovery story,
 * because everything they need is in the database.
 */
export class BackgroundWorker {
  private readonly relay: OutboxRelay;
  private readonly sagas: AdvanceSagasUseCase;
  private readonly report: (error: unknown) => void;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;

  constructor(deps: { relay: OutboxRelay; sagas: AdvanceSagasUseCase; report: (error: unknown) => void }) {
    this.relay = deps.relay;
    this.sagas = deps.sagas;
    this.report = deps.report;
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      if (this.round !== undefined) return; // the last round is still running: skip this tick
      this.round = this.runRound().finally(() => (this.round = undefined));
    }, intervalMs);
  }

  /** Stops the timer and waits for the round in progress, so shutdown never cuts a step in half. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  private async runRound(): Promise<void> {
    try {
      await this.relay.runOnce();
    } catch (error) {
      this.report(error);
    }
    try {
      await this.sagas.runDue();
    } catch (error) {
      this.report(error);
    }
  }
}
