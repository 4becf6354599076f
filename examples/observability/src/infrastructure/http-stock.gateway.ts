import { context, SpanKind, type Tracer } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { z } from "zod";
import { ExternalAPIError } from "../application/ports/infrastructure-errors.ts";
import type { StockGateway } from "../application/ports/stock.gateway.port.ts";
import type { ProductId } from "../domain/identifiers.ts";
import { inSpan } from "./tracing/in-span.ts";

/** The part of `fetch` this adapter uses: the global fetch fits, and so does a simulated API. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

const SERVICE = "warehouse";
const stockResponse = z.record(z.string(), z.number().int().nonnegative());
const propagator = new W3CTraceContextPropagator();

/** Headers carrying the active span as W3C `traceparent`, so the warehouse's spans join this trace. */
function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagator.inject(context.active(), headers, { set: (carrier, key, value) => void (carrier[key] = value) });
  return headers;
}

/**
 * The warehouse's HTTP API behind the StockGateway port. This is the adapter boundary: whatever goes
 * wrong on the wire (no connection, a timeout, an error status, a body we cannot read) leaves this
 * class as an ExternalAPIError, with the raw failure kept as `cause`. Nothing above sees fetch errors.
 */
export class HttpStockGateway implements StockGateway {
  private readonly baseUrl: string;
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;
  private readonly tracer: Tracer;

  constructor(options: { baseUrl: string; fetch: FetchLike; tracer: Tracer; timeoutMs?: number }) {
    this.baseUrl = options.baseUrl;
    this.fetch = options.fetch;
    this.tracer = options.tracer;
    this.timeoutMs = options.timeoutMs ?? 2000;
  }

  async availableQuantities(ids: readonly ProductId[]): Promise<ReadonlyMap<ProductId, number>> {
    if (ids.length === 0) return new Map();
    const url = `${this.baseUrl}/stock?ids=${ids.map(encodeURIComponent).join(",")}`;
    const attributes = { "http.request.method": "GET", "url.full": url, "server.address": new URL(url).hostname };
    // A CLIENT span around the call: its time, its status, and the traceparent the warehouse receives.
    return inSpan(
      this.tracer,
      "GET warehouse /stock",
      { layer: "infrastructure", kind: SpanKind.CLIENT, attributes },
      async (span) => {
        const levels = await this.request(url);
        span.setAttribute("http.response.status_code", 200);
        return new Map(Object.entries(levels).map(([id, units]) => [id as ProductId, units]));
      },
    );
  }

  private async request(url: string): Promise<Record<string, number>> {
    let response: Response;
    try {
      // Every outbound call gets a deadline: a warehouse that hangs must not hang our requests too.
      response = await this.fetch(url, { headers: traceHeaders(), signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const what =
        error instanceof Error && error.name === "TimeoutError" ? `timed out after ${this.timeoutMs} ms` : "failed";
      throw new ExternalAPIError(SERVICE, null, `GET ${url} ${what}`, { cause: error });
    }
    if (!response.ok) {
      const body = await response.text().catch(() => "");
      throw new ExternalAPIError(
        SERVICE,
        response.status,
        `GET ${url} answered ${response.status}: ${body.slice(0, 200)}`,
      );
    }
    try {
      return stockResponse.parse(await response.json());
    } catch (error) {
      throw new ExternalAPIError(SERVICE, response.status, `GET ${url} answered with an unexpected body`, {
        cause: error,
      });
    }
  }
}
