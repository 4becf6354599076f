/**
 * What the page's browser offers WebContainer, and why a boot failed, in the terms of
 * UnavailableReason so the UI can explain it and offer the next best option.
 */
import { RuntimeUnavailableError, type UnavailableReason } from "./port.ts";

/** The browser facts WebContainer depends on. */
export interface BrowserEnvironment {
  /** COOP/COEP in force: required for SharedArrayBuffer. */
  readonly crossOriginIsolated: boolean;
  /** SharedArrayBuffer, Atomics and WebAssembly exist. */
  readonly hasRequiredApis: boolean;
  readonly onLine: boolean;
}

/** Reads the facts from the current page. */
export function currentBrowserEnvironment(): BrowserEnvironment {
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    hasRequiredApis:
      typeof SharedArrayBuffer === "function" && typeof Atomics === "object" && typeof WebAssembly === "object",
    onLine: typeof navigator === "undefined" || navigator.onLine !== false,
  };
}

/** Why WebContainer cannot boot here, before trying; undefined when it may. */
export function webContainerBlocker(environment: BrowserEnvironment): RuntimeUnavailableError | undefined {
  if (!environment.crossOriginIsolated) {
    return new RuntimeUnavailableError(
      "not-cross-origin-isolated",
      "This page is not cross-origin isolated (the COOP/COEP headers are missing), so WebContainer cannot start.",
    );
  }
  if (!environment.hasRequiredApis) {
    return new RuntimeUnavailableError(
      "unsupported-browser",
      "This browser lacks SharedArrayBuffer, Atomics or WebAssembly, which WebContainer needs. Try a current Chrome, Edge or Firefox.",
    );
  }
  if (!environment.onLine) {
    return new RuntimeUnavailableError(
      "offline",
      "You are offline; WebContainer loads its runtime from StackBlitz when it starts.",
    );
  }
  return undefined;
}

const STORAGE_FAILURE = /storage|quota|indexeddb|cookie|securityerror|the operation is insecure|access is denied/i;
const NETWORK_FAILURE = /failed to fetch|networkerror|network error|load failed|timed? ?out|err_|unreachable/i;
const BROWSER_FAILURE = /not supported|unsupported|sharedarraybuffer|service ?worker/i;

/** Turns an error thrown while booting into the reason the UI shows. */
export function classifyBootFailure(error: unknown, environment: BrowserEnvironment): RuntimeUnavailableError {
  if (error instanceof RuntimeUnavailableError) return error;
  const blocker = webContainerBlocker(environment);
  if (blocker) return new RuntimeUnavailableError(blocker.reason, blocker.message, { cause: error });
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const reason: UnavailableReason = STORAGE_FAILURE.test(text)
    ? "storage-blocked"
    : NETWORK_FAILURE.test(text)
      ? "runtime-unreachable"
      : BROWSER_FAILURE.test(text)
        ? "unsupported-browser"
        : "boot-failed";
  const explanations: Record<UnavailableReason, string> = {
    "storage-blocked":
      "WebContainer could not use the browser's storage (blocked third-party storage or private mode).",
    "runtime-unreachable": "WebContainer's runtime could not be loaded from StackBlitz.",
    "unsupported-browser": "This browser cannot run WebContainer.",
    "boot-failed": "WebContainer failed to start.",
    "no-local-runner": "The local runner is not available.",
    "runner-needs-link": "The local runner needs the link `npm start` printed.",
    offline: "You are offline.",
    "not-cross-origin-isolated": "This page is not cross-origin isolated.",
  };
  return new RuntimeUnavailableError(reason, `${explanations[reason]} (${text})`, { cause: error });
}
