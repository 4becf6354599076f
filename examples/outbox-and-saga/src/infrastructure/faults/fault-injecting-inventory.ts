import type { FaultSwitchboard } from "../../application/fault-switchboard.ts";
import type { Inventory, StockLine } from "../../application/ports/inventory.port.ts";
import { InfrastructureError } from "../../application/ports/storage-errors.ts";

/** The inventory service did not answer (an injected outage). Transient: the saga retries it. */
export class InventoryUnavailableError extends InfrastructureError {}

/** Wraps the real inventory; the next `failReleases` releases fail as if the service were down. */
export class FaultInjectingInventory implements Inventory {
  private readonly inner: Inventory;
  private readonly faults: FaultSwitchboard;

  constructor(inner: Inventory, faults: FaultSwitchboard) {
    this.inner = inner;
    this.faults = faults;
  }

  reserve(reservationId: string, lines: readonly StockLine[]): Promise<void> {
    return this.inner.reserve(reservationId, lines);
  }

  async release(reservationId: string): Promise<void> {
    const remaining = this.faults.current.failReleases;
    if (remaining > 0) {
      this.faults.set({ failReleases: remaining - 1 });
      throw new InventoryUnavailableError("inventory service unavailable (injected fault)");
    }
    await this.inner.release(reservationId);
  }
}
