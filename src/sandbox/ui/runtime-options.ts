/** The runtimes a sandbox can choose from, as the UI sees them. */
import type { Runtime, RuntimeKind, UnavailableReason } from "../runtime/port.ts";

export type Availability =
  | { readonly available: true }
  | { readonly available: false; readonly reason: UnavailableReason; readonly message: string };

/** One runtime the reader can pick: whether it can run here, and how to get it (booted on first use). */
export interface RuntimeOption {
  readonly kind: RuntimeKind;
  availability: Availability;
  connect(): Promise<Runtime>;
}

/** Human names for the runtimes, used in the picker and in messages. */
export const runtimeLabels: Readonly<Record<RuntimeKind, string>> = {
  local: "Local runner (this machine)",
  webcontainer: "WebContainer (in this browser)",
};
