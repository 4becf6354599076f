/** The runtimes this page offers (from the runtime detector), as options the reader can pick between. */
import { detectRuntimes } from "../runtime/detect.ts";
import type { RuntimeOption } from "./runtime-options.ts";

/** Detects the runtimes (one same-origin handshake; nothing boots), local runner first. */
export async function detectRuntimeOptions(): Promise<RuntimeOption[]> {
  const detected = await detectRuntimes();
  return detected.map((runtime) => ({
    kind: runtime.kind,
    availability: runtime.availability,
    connect: () => runtime.connect(),
  }));
}
