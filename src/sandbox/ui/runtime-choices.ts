/** The runtimes this page offers, each with whether it can run here; the local runner is preferred when present. */
import { createLocalRunnerRuntime, fetchRunnerHandshake } from "../runtime/local-runner.adapter.ts";
import { RuntimeUnavailableError, type Runtime } from "../runtime/port.ts";
import { runtimeLabels, type Availability, type RuntimeOption } from "./runtime-options.ts";

let localRuntime: Runtime | undefined;

/** Probes the local runner (one same-origin request) and lists the runtime options, available ones first. */
export async function detectRuntimeOptions(): Promise<RuntimeOption[]> {
  const local: RuntimeOption = {
    kind: "local",
    label: runtimeLabels.local,
    availability: await probe(() => fetchRunnerHandshake()),
    async connect() {
      // Every sandbox on the page shares one client (and so one handshake).
      localRuntime ??= createLocalRunnerRuntime();
      return localRuntime;
    },
  };
  return [local];
}

async function probe(check: () => Promise<unknown>): Promise<Availability> {
  try {
    await check();
    return { available: true };
  } catch (error) {
    if (error instanceof RuntimeUnavailableError)
      return { available: false, reason: error.reason, message: error.message };
    return {
      available: false,
      reason: "runtime-unreachable",
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
