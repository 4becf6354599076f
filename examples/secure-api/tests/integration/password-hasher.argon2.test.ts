import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseArgon2id } from "../../src/infrastructure/argon2-phc.ts";
import { constantTimeEqual } from "../../src/infrastructure/constant-time.ts";
import { Argon2idPasswordHasher } from "../../src/infrastructure/password-hasher.argon2.ts";
import { OWASP_ARGON2ID } from "../../src/infrastructure/password-hashing.config.ts";
import { TEST_ARGON2ID } from "../fakes/test-shop.ts";

describe("argon2id password hasher (hash-wasm)", () => {
  it("is configured with OWASP's parameters: 19 MiB, 2 iterations, 1 lane", () => {
    assert.deepEqual([OWASP_ARGON2ID.memorySize, OWASP_ARGON2ID.iterations, OWASP_ARGON2ID.parallelism], [19456, 2, 1]);
  });

  it("produces a PHC string that records algorithm, parameters and a fresh salt", async () => {
    const hasher = new Argon2idPasswordHasher(TEST_ARGON2ID);
    const first = await hasher.hash("plum-harbour-lantern-42");
    const second = await hasher.hash("plum-harbour-lantern-42");
    assert.match(first, /^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    assert.notEqual(first, second, "same password, different salt, different hash");
  });

  it("verifies the right password only", async () => {
    const hasher = new Argon2idPasswordHasher(TEST_ARGON2ID);
    const stored = await hasher.hash("plum-harbour-lantern-42");
    assert.equal(await hasher.verify("plum-harbour-lantern-42", stored), true);
    assert.equal(await hasher.verify("plum-harbour-lantern-43", stored), false);
  });

  it("answers false, after the same work, when there is no stored hash", async () => {
    const hasher = new Argon2idPasswordHasher(TEST_ARGON2ID);
    assert.equal(await hasher.verify("a password no account has, hashed only to spend the time", null), false);
  });

  it("verifies a hash made with older parameters, and says it needs rehashing", async () => {
    const old = await new Argon2idPasswordHasher(TEST_ARGON2ID).hash("plum-harbour-lantern-42");
    const current = new Argon2idPasswordHasher({ ...TEST_ARGON2ID, memorySize: 2048 });
    assert.equal(await current.verify("plum-harbour-lantern-42", old), true);
    assert.equal(current.needsRehash(old), true);
    assert.equal(current.needsRehash(await current.hash("plum-harbour-lantern-42")), false);
  });

  it("refuses a stored value that is not an argon2id hash (say, a legacy unsalted digest)", async () => {
    const hasher = new Argon2idPasswordHasher(TEST_ARGON2ID);
    assert.equal(parseArgon2id("5f4dcc3b5aa765d61d8327deb882cf99"), undefined);
    assert.equal(await hasher.verify("password", "5f4dcc3b5aa765d61d8327deb882cf99"), false);
  });
});

describe("constant-time comparison", () => {
  it("compares whole arrays", () => {
    assert.equal(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3])), true);
    assert.equal(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4])), false);
    assert.equal(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3])), false);
  });
});
