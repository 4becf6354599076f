import type { FaultSwitchboard } from "../../application/fault-switchboard.ts";
import type { EventEnvelope } from "../../application/integration-events.ts";
import type { Consumer, MessageBroker, Subscription } from "../../application/ports/message-broker.port.ts";

/** The relay process "died" (an injected crash): thrown after the broker confirmed, before the row was marked sent. */
export class SimulatedRelayCrash extends Error {
  constructor(published: number) {
    super(`relay crashed after publishing ${published} message(s) of its batch (injected fault)`);
    this.name = "SimulatedRelayCrash";
  }
}

/**
 * Wraps the real broker between the relay and it:
 * - `duplicateDeliveries`: the next N messages are published twice, as an at-least-once broker may deliver them;
 * - `crashRelayAfter`: the relay dies right after the broker confirmed that many messages, so the
 *   last of them is published but never marked sent (the fault then switches itself off).
 */
export class FaultInjectingBroker implements MessageBroker {
  private readonly inner: MessageBroker;
  private readonly faults: FaultSwitchboard;
  private publishedSinceArmed = 0;

  constructor(inner: MessageBroker, faults: FaultSwitchboard) {
    this.inner = inner;
    this.faults = faults;
  }

  async publish(message: EventEnvelope): Promise<void> {
    await this.inner.publish(message);
    const duplicates = this.faults.current.duplicateDeliveries;
    if (duplicates > 0) {
      this.faults.set({ duplicateDeliveries: duplicates - 1 });
      await this.inner.publish(message);
    }
    const crashAfter = this.faults.current.crashRelayAfter;
    if (crashAfter === null) return;
    this.publishedSinceArmed += 1;
    if (this.publishedSinceArmed >= crashAfter) {
      this.publishedSinceArmed = 0;
      this.faults.set({ crashRelayAfter: null });
      throw new SimulatedRelayCrash(crashAfter);
    }
  }

  subscribe(subscription: Subscription): Promise<Consumer> {
    return this.inner.subscribe(subscription);
  }

  watchDeadLetters(queue: string, handler: (message: unknown) => Promise<void>): Promise<Consumer> {
    return this.inner.watchDeadLetters(queue, handler);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
