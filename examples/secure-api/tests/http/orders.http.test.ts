import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PASSWORDS, postJson, testShop } from "../fakes/test-shop.ts";

const PROBLEMS = "https://backend-field-guide.dev/reference/problems/#";

async function withTokens() {
  const shop = await testShop();
  const tokenOf = async (email: string, password: string) => {
    const response = await postJson(shop.app, "/auth/login", { email, password });
    return { Authorization: `Bearer ${((await response.json()) as { accessToken: string }).accessToken}` };
  };
  return {
    ...shop,
    ada: await tokenOf("ada@example.com", PASSWORDS.ada),
    sam: await tokenOf("sam@example.com", PASSWORDS.sam),
  };
}

describe("orders behind access tokens", () => {
  it("asks for a bearer token, with WWW-Authenticate", async () => {
    const { app } = await testShop();
    const response = await app.request("/orders/o-1");
    assert.equal(response.status, 401);
    assert.equal(response.headers.get("www-authenticate"), 'Bearer realm="shop"');
  });

  it("lets a customer read their own order", async () => {
    const { app, ada } = await withTokens();
    const response = await app.request("/orders/o-1", { headers: ada });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { customerId: string }).customerId, "c-1");
  });

  it("answers another customer's order exactly like a missing one (404, not 403)", async () => {
    const { app, ada } = await withTokens();
    const others = await app.request("/orders/o-2", { headers: ada });
    const missing = await app.request("/orders/o-404", { headers: ada });
    assert.deepEqual([others.status, missing.status], [404, 404]);
    const [otherBody, missingBody] = [
      (await others.json()) as Record<string, string>,
      (await missing.json()) as Record<string, string>,
    ];
    assert.equal(otherBody.type, `${PROBLEMS}not-found`);
    assert.equal(otherBody.detail, missingBody.detail?.replace("o-404", "o-2"));
  });

  it("lets staff read any order, and only staff list every order", async () => {
    const { app, ada, sam } = await withTokens();
    assert.equal((await app.request("/orders/o-2", { headers: sam })).status, 200);
    assert.equal((await app.request("/orders/all", { headers: sam })).status, 200);
    const forbidden = await app.request("/orders/all", { headers: ada });
    assert.equal(forbidden.status, 403);
    assert.equal(((await forbidden.json()) as { type: string }).type, `${PROBLEMS}permission-denied`);
  });

  it("places an order for the caller, whatever customer the body names", async () => {
    const { app, ada, sam } = await withTokens();
    const body = { lines: [{ productId: "p-2", quantity: 1 }] };
    const placed = await postJson(app, "/orders", body, ada);
    assert.equal(placed.status, 201);
    assert.equal(((await placed.json()) as { customerId: string }).customerId, "c-1");
    assert.equal((await postJson(app, "/orders", { ...body, customerId: "c-2" }, ada)).status, 422);
    assert.equal((await postJson(app, "/orders", body, sam)).status, 403, "staff lack orders:place");
  });

  it("refuses a token with alg: none, even one claiming the staff role", async () => {
    const { app } = await testShop();
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const claims = {
      sub: "c-2",
      roles: ["staff"],
      iss: "https://shop.example/auth",
      aud: "https://shop.example/api",
      exp: 4102444800,
    };
    const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`;
    const response = await app.request("/orders/o-1", { headers: { Authorization: `Bearer ${unsigned}` } });
    assert.equal(response.status, 401);
  });

  it("refuses an access token once it has expired", async () => {
    const { app, ada, clock } = await withTokens();
    clock.advanceSeconds(301);
    assert.equal((await app.request("/orders/o-1", { headers: ada })).status, 401);
  });
});
