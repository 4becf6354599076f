import { AsyncLocalStorage } from "node:async_hooks";
import type { LogFields, Logger } from "../application/ports/logger.port.ts";

type Level = "info" | "warn" | "error";

/** An Error as plain data: name, message, its own fields (code, service, statusCode, rule…), stack, and cause. */
function errorToJson(error: Error): Record<string, unknown> {
  const ownFields = Object.fromEntries(Object.entries(error));
  return { name: error.name, message: error.message, ...ownFields, stack: error.stack, cause: error.cause };
}

/**
 * Writes one JSON object per line to stdout, the format log collectors read without configuration.
 * Errors anywhere in the fields are written with their stack and whole cause chain: this is the
 * place those details belong, never the HTTP response.
 */
export class JsonLinesLogger implements Logger {
  private readonly write: (line: string) => void;
  private readonly context = new AsyncLocalStorage<LogFields>();

  constructor(write: (line: string) => void = (line) => void process.stdout.write(line)) {
    this.write = write;
  }

  info(event: string, fields?: LogFields): void {
    this.log("info", event, fields);
  }

  warn(event: string, fields?: LogFields): void {
    this.log("warn", event, fields);
  }

  error(event: string, fields?: LogFields): void {
    this.log("error", event, fields);
  }

  withContext<T>(fields: LogFields, work: () => Promise<T>): Promise<T> {
    return this.context.run({ ...this.context.getStore(), ...fields }, work);
  }

  private log(level: Level, event: string, fields: LogFields = {}): void {
    const entry = { time: new Date().toISOString(), level, event, ...this.context.getStore(), ...fields };
    const seen = new WeakSet<Error>();
    let line: string;
    try {
      line = JSON.stringify(entry, (_key, value: unknown) => {
        if (!(value instanceof Error)) return value;
        if (seen.has(value)) return `[circular ${value.name}]`;
        seen.add(value);
        return errorToJson(value);
      });
    } catch (error) {
      // A log call must never throw (a BigInt field, a getter that fails): write what is certain instead.
      line = JSON.stringify({ time: entry.time, level, event, logFailure: String(error) });
    }
    this.write(`${line}\n`);
  }
}
