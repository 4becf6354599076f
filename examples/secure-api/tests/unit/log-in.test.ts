import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LOGIN_FAILED, LogInUseCase } from "../../src/application/log-in.use-case.ts";
import { Email } from "../../src/domain/email.value-object.ts";
import { parseArgon2id } from "../../src/infrastructure/argon2-phc.ts";
import { Argon2idPasswordHasher } from "../../src/infrastructure/password-hasher.argon2.ts";
import { PASSWORDS, TEST_ARGON2ID, testShop } from "../fakes/test-shop.ts";

/** The message a failed login throws. */
async function failure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the login succeeded");
}

describe("log in", () => {
  it("answers an unknown email and a wrong password with the same message", async () => {
    const { logIn } = await testShop();
    const unknownEmail = await failure(() => logIn.execute({ email: "nobody@example.com", password: PASSWORDS.ada }));
    const wrongPassword = await failure(() =>
      logIn.execute({ email: "ada@example.com", password: "not-adas-password" }),
    );
    assert.equal(unknownEmail, LOGIN_FAILED);
    assert.equal(wrongPassword, unknownEmail);
  });

  it("rehashes a password whose hash was made with older parameters, at login", async () => {
    const shop = await testShop({ argon2: TEST_ARGON2ID });
    const accounts = shop.accounts;
    // The same accounts (hashed with the old parameters), now served by a hasher configured with stronger ones.
    const stronger = { ...TEST_ARGON2ID, memorySize: 2048, iterations: 2 };
    const upgraded = new LogInUseCase({ ...shop, hasher: new Argon2idPasswordHasher(stronger) });
    const before = parseArgon2id((await accounts.findByEmail(Email.of("ada@example.com")))?.passwordHash ?? "");
    assert.equal(before?.memorySize, 1024);
    await upgraded.execute({ email: "ada@example.com", password: PASSWORDS.ada });
    const after = parseArgon2id((await accounts.findByEmail(Email.of("ada@example.com")))?.passwordHash ?? "");
    assert.deepEqual([after?.memorySize, after?.iterations], [2048, 2]);
    await upgraded.execute({ email: "ada@example.com", password: PASSWORDS.ada }); // the new hash verifies
  });
});

describe("register", () => {
  it("says the same whether the email was free or taken, and keeps the first account's password", async () => {
    const { register, logIn } = await testShop();
    await register.execute({ email: "new@example.com", password: "a brand new passphrase" });
    await register.execute({ email: "ada@example.com", password: "an attacker's passphrase" });
    await logIn.execute({ email: "ada@example.com", password: PASSWORDS.ada });
    await logIn.execute({ email: "new@example.com", password: "a brand new passphrase" });
  });

  it("refuses a breached password and a short one", async () => {
    const { register } = await testShop();
    const email = "new@example.com";
    await assert.rejects(register.execute({ email, password: "correct horse battery staple" }), {
      rule: "password.not-breached",
    });
    await assert.rejects(register.execute({ email, password: "short" }), { rule: "password.length" });
  });
});
