/** Structured fields of a log line; an Error goes under `err` and keeps its stack and `cause` chain. */
export type LogFields = Readonly<Record<string, unknown>>;

/** Structured logging: one event name, a few fields, one line each. */
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** Runs `work` so that every line logged inside it, however deep, also carries `fields` (e.g. the request id). */
  withContext<T>(fields: LogFields, work: () => Promise<T>): Promise<T>;
}
