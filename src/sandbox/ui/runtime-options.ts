/** The runtimes a sandbox can choose from, as the UI sees them. */
import type { RuntimeAvailability } from "../runtime/detect.ts";
import type { Runtime, RuntimeKind } from "../runtime/port.ts";

/**
 * One runtime the reader can pick: whether it can run here, and how to get it (booted on first
 * use). `availability` changes when a runtime fails to boot, so the picker and messages follow.
 */
export interface RuntimeOption {
  readonly kind: RuntimeKind;
  availability: RuntimeAvailability;
  connect(): Promise<Runtime>;
}

/** Human names for the runtimes, used in the picker and in messages. */
export const runtimeLabels: Readonly<Record<RuntimeKind, string>> = {
  local: "Local runner (this machine)",
  browser: "In-browser runtime (this page)",
  webcontainer: "WebContainer (in this browser)",
};
