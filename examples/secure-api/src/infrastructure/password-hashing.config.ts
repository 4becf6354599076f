/** Argon2id's cost: memory in KiB, passes over it, lanes; and the sizes of the salt and the digest in bytes. */
export type Argon2idParameters = {
  readonly memorySize: number;
  readonly iterations: number;
  readonly parallelism: number;
  readonly saltLength: number;
  readonly hashLength: number;
};

/**
 * OWASP Password Storage Cheat Sheet: argon2id with at least 19 MiB of memory (19456 KiB), 2 iterations and 1
 * degree of parallelism. The one place these numbers live. Raise them here and every account is rehashed with the
 * new ones at its next login (LogInUseCase); old hashes keep verifying meanwhile, since each records its own.
 */
export const OWASP_ARGON2ID: Argon2idParameters = {
  memorySize: 19456,
  iterations: 2,
  parallelism: 1,
  saltLength: 16,
  hashLength: 32,
};
