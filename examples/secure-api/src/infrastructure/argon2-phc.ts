import type { Argon2idParameters } from "./password-hashing.config.ts";

/** An argon2id hash in the PHC string format: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<digest>` (base64, no padding). */
export type ParsedArgon2id = {
  readonly memorySize: number;
  readonly iterations: number;
  readonly parallelism: number;
  readonly salt: Uint8Array;
  readonly digest: Uint8Array;
};

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function fromBase64(text: string): Uint8Array {
  const padded = text.padEnd(Math.ceil(text.length / 4) * 4, "=");
  return Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
}

/** Reads a stored hash; `undefined` for anything that is not an argon2id v19 PHC string. */
export function parseArgon2id(encoded: string): ParsedArgon2id | undefined {
  const match = PHC.exec(encoded);
  if (match === null) return undefined;
  const [, m, t, p, salt, digest] = match;
  return {
    memorySize: Number(m),
    iterations: Number(t),
    parallelism: Number(p),
    salt: fromBase64(salt ?? ""),
    digest: fromBase64(digest ?? ""),
  };
}

/** True when the stored hash was made with exactly these parameters. */
export function hasParameters(parsed: ParsedArgon2id, parameters: Argon2idParameters): boolean {
  return (
    parsed.memorySize === parameters.memorySize &&
    parsed.iterations === parameters.iterations &&
    parsed.parallelism === parameters.parallelism &&
    parsed.digest.length === parameters.hashLength
  );
}
