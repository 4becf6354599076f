import { z } from "zod";
import { ExternalAPIError } from "../application/ports/infrastructure-errors.ts";
import type { Charge, ChargeRequest, PaymentGateway } from "../application/ports/payment.gateway.port.ts";
import type { CallPolicies } from "./payment-call-policies.ts";

/** The part of `fetch` this client uses: the global fetch fits, and so does an in-process app. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

const SERVICE = "payments";
const chargeResponse = z.object({ paymentId: z.string().min(1) });

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
        let response: Response;
        try {
          response = await this.fetch(`${this.baseUrl}/charges`, {
            method: "POST",
            headers: {
              "Content-Type": "application/json",
              "User-Agent": this.userAgent,
              "Idempotency-Key": request.idempotencyKey,
              "X-Request-Timeout-Ms": String(timeoutMs),
            },
            body: JSON.stringify({ orderId: request.orderId, amount: request.amount.toJSON() }),
            signal,
          });
        } catch (error) {
          throw new ExternalAPIError(SERVICE, null, "POST /charges got no answer", { cause: error });
        }
        if (!response.ok) {
          throw new ExternalAPIError(SERVICE, response.status, `POST /charges answered ${response.status}`);
        }
        const body = chargeResponse.safeParse(await response.json().catch(() => null));
        if (!body.success) throw new ExternalAPIError(SERVICE, response.status, "POST /charges: unexpected body");
        return { paymentId: body.data.paymentId };
      },
      { retryable: true },
    );
  }
}
