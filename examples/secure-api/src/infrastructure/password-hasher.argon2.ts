import { argon2id } from "hash-wasm";
import type { PasswordHasher } from "../application/ports/password-hasher.port.ts";
import { hasParameters, parseArgon2id, type ParsedArgon2id } from "./argon2-phc.ts";
import { constantTimeEqual } from "./constant-time.ts";
import { OWASP_ARGON2ID, type Argon2idParameters } from "./password-hashing.config.ts";

/** argon2id through hash-wasm (WebAssembly: the same code in Node and in a browser, no native addon). */
export class Argon2idPasswordHasher implements PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  private readonly parameters: Argon2idParameters;

  constructor(parameters: Argon2idParameters = OWASP_ARGON2ID) {
    this.parameters = parameters;
  }

  async hash(password: string): Promise<string> {
    const salt = crypto.getRandomValues(new Uint8Array(this.parameters.saltLength));
    return argon2id({ ...this.argon2Options(this.parameters), password, salt, outputType: "encoded" });
  }

  async verify(password: string, storedHash: string | null): Promise<boolean> {
    // No account: spend the same work on a hash of nothing, so timing does not reveal unknown emails.
    const parsed = parseArgon2id(storedHash ?? (await this.dummy()));
    if (parsed === undefined) return false;
    const digest = await this.digest(password, parsed);
    return constantTimeEqual(digest, parsed.digest) && storedHash !== null;
  }

  needsRehash(storedHash: string): boolean {
    const parsed = parseArgon2id(storedHash);
    return parsed === undefined || !hasParameters(parsed, this.parameters);
  }

  /** Recomputes the digest with the parameters and salt the stored hash records (they may be older ones). */
  private digest(password: string, stored: ParsedArgon2id): Promise<Uint8Array> {
    const options = { ...stored, hashLength: stored.digest.length, saltLength: stored.salt.length };
    return argon2id({ ...this.argon2Options(options), password, salt: stored.salt, outputType: "binary" });
  }

  private argon2Options(parameters: Argon2idParameters) {
    const { memorySize, iterations, parallelism, hashLength } = parameters;
    return { memorySize, iterations, parallelism, hashLength };
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hash("a password no account has, hashed only to spend the time");
    return this.dummyHash;
  }
}
