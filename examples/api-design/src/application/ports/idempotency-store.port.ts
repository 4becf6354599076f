/** A response as it was sent, so that a retry can get exactly the same one. */
export type StoredResponse = {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
};

/** What `begin` found for a key. */
export type IdempotencyClaim =
  /** First time: the caller now owns the key and must `complete` or `release` it. */
  | { readonly kind: "claimed" }
  /** The same request already finished: send this response again. */
  | { readonly kind: "completed"; readonly response: StoredResponse }
  /** The same key is still being processed by another request. */
  | { readonly kind: "in-flight" }
  /** The key was used for a different request (another body, method or path). */
  | { readonly kind: "mismatch" };

/**
 * Remembers Idempotency-Keys with a fingerprint of the request and, once done, its response. An adapter over
 * a database makes `begin` one atomic insert (`INSERT … ON CONFLICT DO NOTHING`), so two racing requests
 * cannot both claim a key.
 */
export interface IdempotencyStore {
  begin(key: string, fingerprint: string, now: Date): Promise<IdempotencyClaim>;
  complete(key: string, response: StoredResponse): Promise<void>;
  /** Forgets a claimed key whose request failed without a stored answer, so a retry can run it again. */
  release(key: string): Promise<void>;
}
