/** console.* writing to the process's stdout/stderr with Node-like formatting (errors with their stack and cause). */
import { format, inspect } from "util";
import { mapBlobUrls, readableStack, write } from "./host.ts";

let groupIndent = "";

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) {
    const own = Object.fromEntries(Object.entries(value).filter(([key]) => key !== "stack"));
    let text = readableStack(value.stack ?? `${value.name}: ${value.message}`);
    if (Object.keys(own).length > 0) text += ` ${inspect(own, { depth: 2 })}`;
    if (value.cause !== undefined) text += `\n  [cause]: ${describe(value.cause).split("\n").join("\n  ")}`;
    return text;
  }
  return inspect(value, { depth: 4 });
}

export function formatArgs(args: unknown[]): string {
  if (typeof args[0] === "string" && /%[sdifjoOc%]/.test(args[0])) return format(...(args as [string, ...unknown[]]));
  return args.map(describe).join(" ");
}

function printer(stream: "stdout" | "stderr") {
  return (...args: unknown[]) => {
    const text = formatArgs(args);
    write(
      stream,
      `${text
        .split("\n")
        .map((line) => groupIndent + line)
        .join("\n")}\n`,
    );
  };
}

const timers = new Map<string, number>();
const counters = new Map<string, number>();

export function installConsole(): void {
  const log = printer("stdout");
  const error = printer("stderr");
  Object.assign(console, {
    log,
    info: log,
    debug: log,
    dir: (value: unknown) => log(value),
    table: (value: unknown) => log(value),
    error,
    warn: error,
    trace: (...args: unknown[]) =>
      error(`Trace: ${formatArgs(args)}\n${mapBlobUrls((new Error().stack ?? "").split("\n").slice(2).join("\n"))}`),
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) error(`Assertion failed${args.length > 0 ? `: ${formatArgs(args)}` : ""}`);
    },
    group: (...args: unknown[]) => {
      if (args.length > 0) log(...args);
      groupIndent += "  ";
    },
    groupEnd: () => {
      groupIndent = groupIndent.slice(2);
    },
    time: (label = "default") => void timers.set(label, performance.now()),
    timeEnd: (label = "default") => {
      const started = timers.get(label);
      timers.delete(label);
      if (started !== undefined) log(`${label}: ${(performance.now() - started).toFixed(3)}ms`);
    },
    timeLog: (label = "default", ...args: unknown[]) => {
      const started = timers.get(label);
      if (started !== undefined) log(`${label}: ${(performance.now() - started).toFixed(3)}ms`, ...args);
    },
    count: (label = "default") => {
      const next = (counters.get(label) ?? 0) + 1;
      counters.set(label, next);
      log(`${label}: ${next}`);
    },
    countReset: (label = "default") => void counters.delete(label),
  });
}
