import { z } from "zod";
import { ExternalAPIError } from "../application/ports/infrastructure-errors.ts";
import type { StockGateway } from "../application/ports/stock.gateway.port.ts";
import type { ProductId } from "../domain/identifiers.ts";

/** The part of `fetch` this adapter uses: the global fetch fits, and so does a simulated API. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

const SERVICE = "warehouse";
const stockResponse = z.record(z.string(), z.number().int().nonnegative());

/**
 * The warehouse's HTTP API behind the StockGateway port. This is the adapter boundary: whatever goes
 * wrong on the wire (no connection, a timeout, an error status, a body we cannot read) leaves this
 * class as an ExternalAPIError, with the raw failure kept as `cause`. Nothing above sees fetch errors.
 */
export class HttpStockGateway implements StockGateway {
  private readonly baseUrl: string;
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;

  constructor(options: { baseUrl: string; fetch: FetchLike; timeoutMs?: number }) {
    this.baseUrl = options.baseUrl;
    this.fetch = options.fetch;
    this.timeoutMs = options.timeoutMs ?? 2000;
  }

  async availableQuantities(ids: readonly ProductId[]): Promise<ReadonlyMap<ProductId, number>> {
    if (ids.length === 0) return new Map();
    const url = `${this.baseUrl}/stock?ids=${ids.map(encodeURIComponent).join(",")}`;

    let response: Response;
    try {
      // Every outbound call gets a deadline: a warehouse that hangs must not hang our requests too.
      response = await this.fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
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
    let levels: Record<string, number>;
    try {
      levels = stockResponse.parse(await response.json());
    } catch (error) {
      throw new ExternalAPIError(SERVICE, response.status, `GET ${url} answered with an unexpected body`, {
        cause: error,
      });
    }
    return new Map(Object.entries(levels).map(([id, units]) => [id as ProductId, units]));
  }
}
