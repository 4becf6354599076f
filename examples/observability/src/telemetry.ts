/**
 * Composition root, telemetry part: the logger, the tracer and the metrics every adapter shares.
 */
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import type { DestinationStream } from "pino";
import { createServiceMetrics } from "./infrastructure/metrics/service-metrics.ts";
import { createPino, PinoLogger } from "./infrastructure/logging/pino.logger.ts";
import { createTracing } from "./infrastructure/tracing/tracer-provider.ts";

export const SERVICE_NAME = "observability";
export const SERVICE_VERSION = "1.0.0";

/** Logger, tracing and metrics for one running service. */
export async function createTelemetry(options: { logDestination?: DestinationStream; otlpEndpoint?: string }) {
  const logger = new PinoLogger(
    createPino({
      destination: options.logDestination,
      level: process.env.LOG_LEVEL,
      service: SERVICE_NAME,
      version: SERVICE_VERSION,
    }),
  );
  const tracing = createTracing({
    serviceName: SERVICE_NAME,
    version: SERVICE_VERSION,
    exporter: await otlpExporter(options.otlpEndpoint),
  });
  return { logger, tracing, metrics: createServiceMetrics() };
}

/**
 * The OTLP/HTTP exporter, loaded only when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (Jaeger,
 * Tempo, an OpenTelemetry Collector…): an optional dependency, so the service runs without it.
 */
export async function otlpExporter(endpoint: string | undefined): Promise<SpanExporter | undefined> {
  if (!endpoint) return undefined;
  const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-http");
  return new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` });
}
