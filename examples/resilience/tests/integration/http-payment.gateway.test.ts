import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { serve, type ServerType } from "@hono/node-server";
import { ExternalAPIError } from "../../src/application/ports/infrastructure-errors.ts";
import { OrderId } from "../../src/domain/identifiers.ts";
import { Money } from "../../src/domain/money.value-object.ts";
import { HttpPaymentGateway } from "../../src/infrastructure/http-payment.gateway.ts";
import { CallPolicies, PAYMENT_CALL_POLICIES } from "../../src/infrastructure/payment-call-policies.ts";
import { FaultSwitchboard } from "../../src/infrastructure/simulated-payments/payment-faults.ts";
import { createPaymentsApp } from "../../src/infrastructure/simulated-payments/payments.app.ts";

const noRetries = { ...PAYMENT_CALL_POLICIES, retries: 0 };
const charge = (key: string) => ({ idempotencyKey: key, orderId: OrderId.of(key), amount: Money.of(4900, "EUR") });

// The adapter over a real socket and the global fetch, as with PAYMENTS_URL: what the in-process tests cannot show.
describe("HttpPaymentGateway over real HTTP", () => {
  const faults = new FaultSwitchboard();
  const payments = createPaymentsApp({ faults, random: () => 0 });
  let server: ServerType;
  let baseUrl = "";
  before(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: payments.app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
        baseUrl = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const gateway = (url = baseUrl) =>
    new HttpPaymentGateway({ baseUrl: url, fetch, policies: new CallPolicies("payments", noRetries), userAgent: "t" });

  it("charges once per idempotency key", async () => {
    const first = await gateway().charge(charge("o-1"));
    const again = await gateway().charge(charge("o-1"));
    assert.equal(again.paymentId, first.paymentId);
    assert.equal(payments.charges().filter((record) => record.idempotencyKey === "o-1").length, 1);
  });

  it("turns an error status into ExternalAPIError with that status", async () => {
    faults.set({ errorRate: 1 });
    try {
      await assert.rejects(gateway().charge(charge("o-2")), (error) => {
        return error instanceof ExternalAPIError && error.statusCode === 500;
      });
    } finally {
      faults.set({ errorRate: 0 });
    }
  });

  it("turns a refused connection into ExternalAPIError without a status", async () => {
    await assert.rejects(gateway("http://127.0.0.1:9").charge(charge("o-3")), (error) => {
      return error instanceof ExternalAPIError && error.statusCode === null;
    });
  });
});
