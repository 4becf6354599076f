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
  webcontainer: "Full Node in the browser (StackBlitz)",
};

/** What each runtime can and cannot do, one line each, shown beside the picker. */
export const runtimeAbilities: Readonly<Record<RuntimeKind, string>> = {
  local:
    "Real Node on your machine, so everything the example does works; only there when the guide runs from npm start or npm run dev.",
  browser:
    "Runs the tests and the service inside this page from the guide's own files, offline; no npm install, child processes or raw TCP.",
  webcontainer:
    "Full Node and npm inside the browser; needs the internet, as it loads StackBlitz's runtime, and works best in Chromium.",
};
