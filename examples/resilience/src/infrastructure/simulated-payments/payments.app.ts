import { Hono, type Context } from "hono";
import { z } from "zod";
import type { FaultSwitchboard } from "./payment-faults.ts";

const PROBLEM_BASE = "https://backend-field-guide.dev/reference/problems/#";

const chargeBody = z.object({
  orderId: z.string().min(1),
  amount: z.object({ currency: z.string().length(3), minorUnits: z.number().int().nonnegative() }),
});

const faultsBody = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000),
    errorRate: z.number().min(0).max(1),
    down: z.boolean(),
  })
  .partial()
  .strict();

/** One charge the payments service made. */
export type ChargeRecord = {
  readonly paymentId: string;
  readonly orderId: string;
  readonly idempotencyKey: string;
  readonly status: "captured";
};

/**
 * A stand-in for the shop's payments service: another team's service, in the same process only so the
 * example runs anywhere. It charges once per `Idempotency-Key`, honours the caller's deadline
 * (`X-Request-Timeout-Ms`), and misbehaves on request: latency, errors, or down.
 */
export function createPaymentsApp(deps: {
  faults: FaultSwitchboard;
  random?: () => number;
  /** Charges made before the service started (seed data). */
  charges?: readonly ChargeRecord[];
}): {
  app: Hono;
  charges: () => readonly ChargeRecord[];
  /** How many charge requests reached the service, answered or not. */
  received: () => number;
} {
  const random = deps.random ?? Math.random;
  const byKey = new Map<string, ChargeRecord>((deps.charges ?? []).map((charge) => [charge.idempotencyKey, charge]));
  let received = 0;
  const app = new Hono();

  /** The injected faults, applied before an answer: a Response when the request fails, else undefined. */
  async function misbehave(c: Context, what: string): Promise<Response | undefined> {
    const { latencyMs, errorRate } = deps.faults.current;
    const deadline = Number(c.req.header("X-Request-Timeout-Ms") ?? Number.POSITIVE_INFINITY);
    if (latencyMs > deadline) {
      // The caller stops waiting before we would finish: give up at its deadline and do nothing.
      await sleep(deadline);
      return problem(c, 503, "service-unavailable", `The caller's deadline passed; ${what}`);
    }
    await sleep(latencyMs);
    if (random() < errorRate) return problem(c, 500, "internal-error", "Injected fault");
    return undefined;
  }

  app.post("/charges", async (c) => {
    received++;
    const key = c.req.header("Idempotency-Key");
    if (!key) return problem(c, 422, "validation-failed", "Send an Idempotency-Key header");
    const body = chargeBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return problem(c, 422, "validation-failed", "The charge body is invalid");
    const failure = await misbehave(c, "nothing was charged");
    if (failure) return failure;

    const existing = byKey.get(key);
    if (existing) return c.json({ paymentId: existing.paymentId }, 200); // a repeat: same charge, no second one
    const record: ChargeRecord = {
      paymentId: `pay-${byKey.size + 1}`,
      orderId: body.data.orderId,
      idempotencyKey: key,
      status: "captured",
    };
    byKey.set(key, record);
    return c.json({ paymentId: record.paymentId }, 201);
  });

  app.get("/charges/:paymentId", async (c) => {
    const failure = await misbehave(c, "nothing was read");
    if (failure) return failure;
    const record = [...byKey.values()].find((charge) => charge.paymentId === c.req.param("paymentId"));
    if (!record) return problem(c, 404, "not-found", `No charge ${c.req.param("paymentId")}`);
    return c.json({ paymentId: record.paymentId, status: record.status });
  });

  app.get("/charges", (c) => c.json({ items: [...byKey.values()] }));
  app.get("/faults", (c) => c.json(deps.faults.current));
  app.post("/faults", async (c) => {
    const body = faultsBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) {
      return problem(c, 422, "validation-failed", "Faults are latencyMs (0-60000), errorRate (0-1) and down (boolean)");
    }
    return c.json(deps.faults.set(body.data));
  });

  return { app, charges: () => [...byKey.values()], received: () => received };
}

const TITLES = {
  404: "Resource not found",
  422: "Request validation failed",
  500: "Internal server error",
  503: "Service unavailable",
};

function problem(c: Context, status: keyof typeof TITLES, slug: string, detail: string): Response {
  const title = TITLES[status];
  return c.body(
    JSON.stringify({ type: `${PROBLEM_BASE}${slug}`, title, status, detail, instance: c.req.path }),
    status,
    {
      "Content-Type": "application/problem+json",
    },
  );
}

function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
