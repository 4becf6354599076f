import { AsyncLocalStorage } from "node:async_hooks";
import type { LogFields, Logger } from "../../src/application/ports/logger.port.ts";

/** One recorded log call, with the context fields merged in. */
export type LogEntry = {
  readonly level: "info" | "warn" | "error";
  readonly event: string;
  readonly fields: LogFields;
};

/** A Logger that keeps its lines in memory for tests to read. */
export class InMemoryLogger implements Logger {
  readonly entries: LogEntry[] = [];
  private readonly context = new AsyncLocalStorage<LogFields>();

  info(event: string, fields: LogFields = {}): void {
    this.entries.push({ level: "info", event, fields: { ...this.context.getStore(), ...fields } });
  }

  warn(event: string, fields: LogFields = {}): void {
    this.entries.push({ level: "warn", event, fields: { ...this.context.getStore(), ...fields } });
  }

  error(event: string, fields: LogFields = {}): void {
    this.entries.push({ level: "error", event, fields: { ...this.context.getStore(), ...fields } });
  }

  withContext<T>(fields: LogFields, work: () => Promise<T>): Promise<T> {
    return this.context.run({ ...this.context.getStore(), ...fields }, work);
  }
}
