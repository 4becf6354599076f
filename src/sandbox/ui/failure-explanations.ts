/** Words for everything that can go wrong in a sandbox: what happened, why, and what the reader can do next. */
import type { ExitInfo, RuntimeKind, UnavailableReason } from "../runtime/port.ts";
import { runtimeLabels, type RuntimeOption } from "./runtime-options.ts";

/** A problem the sandbox shows in place, with the next best thing to do. */
export interface Explanation {
  readonly title: string;
  readonly detail: string;
  /** Another runtime that can run the example instead, when there is one. */
  readonly switchTo?: RuntimeKind;
  /** Commands to run in a terminal: the downloaded example when no runtime works here, or one that fixes the problem. */
  readonly terminalCommands?: readonly string[];
  /** What the commands are for, said before them; the default is the Download-and-run instructions. */
  readonly commandsIntro?: string;
}

const reasonTexts: Readonly<Record<UnavailableReason, string>> = {
  "runner-needs-link":
    "this browser has not been given the runner's secret for this start of the guide. Open the link `npm start` printed in your terminal (it ends in `?token=…`); the page keeps the secret in a cookie and removes it from the address bar",
  "no-local-runner":
    "the local runner only exists when the guide itself is served by `npm start` or `npm run dev` on your machine, and this page was not",
  offline: "you appear to be offline, and WebContainer downloads its runtime from StackBlitz when it first starts",
  "unsupported-browser":
    "this browser cannot run WebContainer (it needs a recent Chromium-based browser, Firefox or Safari)",
  "not-cross-origin-isolated":
    "this page is not cross-origin isolated (the server did not send the COOP and COEP headers), and WebContainer needs that for SharedArrayBuffer",
  "storage-blocked": "this browser blocks storage for this site, and the runtime needs it",
  "runtime-unreachable": "the runtime could not be reached over the network",
  "boot-failed": "the runtime failed to start",
};

/** Why a runtime cannot run the example, and the next best option: another runtime, else Download and two commands. */
export function explainUnavailable(
  option: Pick<RuntimeOption, "kind">,
  reason: UnavailableReason,
  message: string,
  others: readonly RuntimeOption[],
): Explanation {
  const label = runtimeLabels[option.kind];
  if (reason === "runner-needs-link") {
    const alternative = others.find((other) => other.kind !== option.kind && other.availability.available);
    return {
      title: "Open the link npm start printed",
      detail: `${label} is running, but ${reasonTexts[reason]}.`,
      terminalCommands: ["npm run link"],
      commandsIntro: "Lost it? In the guide's folder, this prints it again:",
      ...(alternative ? { switchTo: alternative.kind } : {}),
    };
  }
  const text =
    option.kind === "browser" && reason === "unsupported-browser"
      ? "this browser lacks Web Workers or WebAssembly, which it needs"
      : reasonTexts[reason];
  const why = `${label} cannot run this example: ${text}.`;
  const detail = message && !why.includes(message) ? `${why} (${message})` : why;
  const alternative = others.find((other) => other.kind !== option.kind && other.availability.available);
  if (alternative) {
    return {
      title: `${label} is not available`,
      detail: `${detail} ${runtimeLabels[alternative.kind]} can run it instead.`,
      switchTo: alternative.kind,
    };
  }
  return {
    title: "No runtime can run this example in this page",
    detail: `${detail} You can still read and edit the files here, then use Download and run the example on your machine with Node 22.18 or newer.`,
    terminalCommands: ["npm install", "npm start"],
  };
}

/** What an ended test run means, in a sentence. */
export function describeTestExit(
  exit: ExitInfo,
  summary: { tests: number; passed: number; failed: number } | undefined,
): string {
  switch (exit.reason) {
    case "timeout":
      return "The tests did not finish within the time limit and were stopped. A test may be waiting forever; the output so far is in the terminal.";
    case "output-limit":
      return "The tests printed more output than the sandbox keeps, so the run was stopped. The start of the output is in the terminal.";
    case "killed":
      return "The test run was stopped.";
    case "error":
      return `The tests could not run: ${exit.message ?? "the runtime reported an error"}.`;
    default:
      break;
  }
  if (summary?.tests === 0) {
    return "No tests ran: the test command found no test files (it looks for tests/**/*.test.ts).";
  }
  if (summary && summary.failed === 0 && exit.code !== 0) {
    // node:test counts a test cancelled at --test-timeout (or by a failing hook) apart from "fail", yet exits 1.
    return `Tests failed: none is counted as failed, but the run exited with code ${exit.code ?? exit.signal ?? "unknown"} (${summary.passed} of ${summary.tests} passed); a test or hook was likely cancelled at its time limit. The terminal shows which.`;
  }
  if (summary) {
    return summary.failed === 0
      ? `Tests passed: ${summary.passed} passed, 0 failed.`
      : `Tests failed: ${summary.failed} failed, ${summary.passed} passed. The failures are in the terminal.`;
  }
  return exit.code === 0
    ? "The test command finished (exit code 0)."
    : `The test command failed with exit code ${exit.code ?? exit.signal ?? "unknown"} before reporting results. The terminal shows why (often a syntax error).`;
}

/** What an ended service means, in a sentence; `listened` says whether it had been reachable. */
export function describeServiceExit(exit: ExitInfo, listened: boolean): string {
  switch (exit.reason) {
    case "killed":
      return "The service was stopped.";
    case "idle":
      return "The service was stopped because it sat idle too long. Start service runs it again.";
    case "never-listened":
      return "The service never started listening on a port, so the runtime stopped it. Its output is in the terminal.";
    case "timeout":
      return "The service ran past the runtime's time limit and was stopped.";
    case "output-limit":
      return "The service printed more output than the sandbox keeps, so it was stopped.";
    case "error":
      return `The service could not run: ${exit.message ?? "the runtime reported an error"}.`;
    default:
      break;
  }
  const code = exit.code ?? exit.signal ?? "unknown";
  return listened
    ? `The service exited (exit code ${code}).`
    : `The service exited with code ${code} before it listened. The terminal shows why (often a syntax error).`;
}
