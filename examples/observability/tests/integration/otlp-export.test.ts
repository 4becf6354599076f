import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { createTracing } from "../../src/infrastructure/tracing/tracer-provider.ts";
import { otlpExporter } from "../../src/telemetry.ts";

const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
const skip = endpoint ? false : "OTEL_EXPORTER_OTLP_ENDPOINT is not set: no collector to send spans to";

describe("OTLP/HTTP export", () => {
  it("loads no exporter when OTEL_EXPORTER_OTLP_ENDPOINT is unset", async () => {
    assert.equal(await otlpExporter(undefined), undefined);
  });

  it("sends spans to the collector at OTEL_EXPORTER_OTLP_ENDPOINT", { skip }, async () => {
    const exporter = (await otlpExporter(endpoint))!;
    const finished: ReadableSpan[] = [];
    const keep: SpanExporter = {
      export: (spans, done) => {
        finished.push(...spans);
        done({ code: ExportResultCode.SUCCESS });
      },
      shutdown: async () => {},
    };
    const tracing = createTracing({ serviceName: "observability-test", version: "0", exporter: keep });
    tracing.tracer.startSpan("otlp export test").end();
    await tracing.shutdown(); // flushes the batch into `finished`
    const result = await new Promise<ExportResult>((resolve) => exporter.export(finished, resolve));
    assert.equal(result.code, ExportResultCode.SUCCESS, String(result.error));
    await exporter.shutdown();
  });
});
