import { z } from "zod";
import { ExternalAPIError } from "../application/ports/infrastructure-errors.ts";
import type { Charge, ChargeRequest, ChargeStatus, PaymentGateway } from "../application/ports/payment.gateway.port.ts";
import type { CallPolicies } from "./payment-call-policies.ts";

/** The part of `fetch` this client uses: the global fetch fits, and so does an in-process app. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

const SERVICE = "payments";
const chargeResponse = z.object({ paymentId: z.string().min(1) });
const chargeStatusResponse = z.object({ paymentId: z.string().min(1), status: z.string().min(1) });

/**
 * The payments service's HTTP API behind the PaymentGateway port: one long-lived client per
 * dependency, created once in main.ts, with its base URL, its user agent and its policies. Whatever goes
 * wrong on the wire leaves this class as an ExternalAPIError; nothing above sees fetch errors.
 */
export class HttpPaymentGateway implements PaymentGateway {
  private readonly baseUrl: string;
  private readonly fetch: FetchLike;
  private readonly policies: CallPolicies;
  private readonly userAgent: string;

  constructor(options: { baseUrl: string; fetch: FetchLike; policies: CallPolicies; userAgent: string }) {
    this.baseUrl = options.baseUrl;
    this.fetch = options.fetch;
    this.policies = options.policies;
    this.userAgent = options.userAgent;
  }

  /** Keyed by the idempotency key, so the policies may retry it: a repeat charges once. */
  charge(request: ChargeRequest): Promise<Charge> {
    return this.policies.execute(
      async ({ signal, timeoutMs }) => {
        const response = await this.send("POST", "/charges", signal, timeoutMs, {
          headers: { "Content-Type": "application/json", "Idempotency-Key": request.idempotencyKey },
          body: JSON.stringify({ orderId: request.orderId, amount: request.amount.toJSON() }),
        });
        return { paymentId: (await this.read(response, "POST /charges", chargeResponse)).paymentId };
      },
      { retryable: true },
    );
  }

  /** A read: safe to repeat, so the policies may retry it. */
  chargeStatus(paymentId: string): Promise<ChargeStatus> {
    const path = `/charges/${encodeURIComponent(paymentId)}`;
    return this.policies.execute(
      async ({ signal, timeoutMs }) =>
        this.read(await this.send("GET", path, signal, timeoutMs, {}), `GET ${path}`, chargeStatusResponse),
      { retryable: true },
    );
  }

  /** One HTTP exchange with the client's shared headers; no answer at all becomes ExternalAPIError. */
  private async send(
    method: string,
    path: string,
    signal: AbortSignal,
    timeoutMs: number,
    init: { headers?: Record<string, string>; body?: string },
  ): Promise<Response> {
    try {
      return await this.fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { ...init.headers, "User-Agent": this.userAgent, "X-Request-Timeout-Ms": String(timeoutMs) },
        body: init.body,
        signal,
      });
    } catch (error) {
      throw new ExternalAPIError(SERVICE, null, `${method} ${path} got no answer`, { cause: error });
    }
  }

  /** The answer's body, or ExternalAPIError for an error status or a body of the wrong shape. */
  private async read<T>(response: Response, what: string, schema: z.ZodType<T>): Promise<T> {
    if (!response.ok) throw new ExternalAPIError(SERVICE, response.status, `${what} answered ${response.status}`);
    const body = schema.safeParse(await response.json().catch(() => null));
    if (!body.success) throw new ExternalAPIError(SERVICE, response.status, `${what}: unexpected body`);
    return body.data;
  }
}
