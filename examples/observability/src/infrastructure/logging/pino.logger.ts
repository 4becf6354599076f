import { AsyncLocalStorage } from "node:async_hooks";
import { trace } from "@opentelemetry/api";
import { pino, stdSerializers, stdTimeFunctions, type DestinationStream, type Logger as Pino } from "pino";
import type { LogFields, Logger } from "../../application/ports/logger.port.ts";

/**
 * Fields never written to a log, wherever they appear at these paths: credentials and personal data.
 * Redaction is the safety net, not the plan: the plan is not to log them at all.
 */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  "password",
  "*.password",
  "email",
  "*.email",
  "token",
  "*.token",
];

/**
 * stdout, written line by line. An explicit stream rather than pino's default (sonic-boom on file
 * descriptor 1): the same code then runs in the guide's in-browser runtime, which has a process.stdout
 * but no file descriptors. A production service under heavy load would use pino.destination() instead.
 */
export const stdout: DestinationStream = { write: (line: string) => void process.stdout.write(line) };

/** The pino logger: JSON lines, ISO times, level names, redaction, errors with their `cause` chain. */
export function createPino(options: {
  destination?: DestinationStream;
  level?: string;
  service: string;
  version: string;
}): Pino {
  return pino(
    {
      level: options.level ?? "info",
      base: { service: options.service, version: options.version },
      messageKey: "event",
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: stdSerializers.errWithCause },
      redact: { paths: REDACTED_PATHS, censor: "[REDACTED]" },
      // Log–trace correlation: every line written inside a span names it, so a log line leads to its trace.
      mixin: () => {
        const span = trace.getActiveSpan()?.spanContext();
        return span ? { traceId: span.traceId, spanId: span.spanId } : {};
      },
    },
    options.destination ?? stdout,
  );
}

/**
 * The Logger port over pino. `withContext` binds a child logger (e.g. with the request id) for
 * everything `work` does, however deep, through AsyncLocalStorage: no logger passed down by hand.
 */
export class PinoLogger implements Logger {
  private readonly root: Pino;
  private readonly scoped = new AsyncLocalStorage<Pino>();

  constructor(root: Pino) {
    this.root = root;
  }

  info(event: string, fields: LogFields = {}): void {
    this.current().info(fields, event);
  }

  warn(event: string, fields: LogFields = {}): void {
    this.current().warn(fields, event);
  }

  error(event: string, fields: LogFields = {}): void {
    this.current().error(fields, event);
  }

  withContext<T>(fields: LogFields, work: () => Promise<T>): Promise<T> {
    return this.scoped.run(this.current().child(fields), work);
  }

  private current(): Pino {
    return this.scoped.getStore() ?? this.root;
  }
}
