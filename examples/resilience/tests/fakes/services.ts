import { wireServices } from "../../src/main.ts";
import { PAYMENT_CALL_POLICIES, type CallPolicyOptions } from "../../src/infrastructure/payment-call-policies.ts";
import type { PaymentFaults } from "../../src/infrastructure/simulated-payments/payment-faults.ts";

/** Both services as main.ts wires them, spoken to through `app.request` (no port). */
export function testServices(options: { policies?: Partial<CallPolicyOptions>; random?: () => number } = {}) {
  const services = wireServices({
    policies: { ...PAYMENT_CALL_POLICIES, ...options.policies },
    random: options.random ?? (() => 0), // with errorRate > 0, every charge fails unless a test says otherwise
    seedOrders: false, // the tests count charges and orders from zero
  });
  const json = async (method: string, path: string, body: unknown): Promise<Response> =>
    services.app.request(path, {
      method,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  return {
    ...services,
    placeOrder: () => json("POST", "/orders", { customerId: "c-1", lines: [{ productId: "p-1", quantity: 2 }] }),
    setFaults: async (faults: Partial<PaymentFaults>) => {
      const response = await json("POST", "/payments/faults", faults);
      if (response.status !== 200) throw new Error(`faults refused: ${await response.text()}`);
    },
  };
}
