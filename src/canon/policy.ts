/** One line of the status policy: when a status is the answer, and why. */
export type StatusPolicyEntry = {
  readonly status: number;
  /** The problem types answered with this status. */
  readonly problemTypes: readonly string[];
  /** When this status is the answer. */
  readonly when: string;
  /** Why, in a sentence a reviewer would accept. */
  readonly why: string;
};

/**
 * The status policy, written once. Every example applies it and /reference/problems/ explains it; a page
 * that discusses statuses links there instead of restating a different policy.
 */
export const statusPolicy: readonly StatusPolicyEntry[] = [
  {
    status: 422,
    problemTypes: ["validation-failed", "business-rule-violation", "idempotency-key-reused"],
    when:
      "The request can never succeed as sent: a field of the wrong type or shape (validation-failed), a value-object " +
      "or invariant violation such as quantity -5, an empty order, an eleventh line or a malformed email " +
      "(business-rule-violation), or an Idempotency-Key already used for a different request (idempotency-key-reused).",
    why: "Retrying unchanged cannot help; the client or its user must change the request.",
  },
  {
    status: 409,
    problemTypes: ["state-conflict", "concurrency-conflict", "idempotency-request-in-flight"],
    when:
      "The request conflicts with the current state: the stock is gone, the order is already confirmed, an id in the " +
      "body names something that does not exist as things stand (state-conflict), someone saved the resource first " +
      "(concurrency-conflict), or a request with the same Idempotency-Key is still running " +
      "(idempotency-request-in-flight).",
    why: "The same request may succeed later or after another change; the client reads the state again.",
  },
  {
    status: 404,
    problemTypes: ["not-found"],
    when: "Only for the resource the URL names (or a URL no route matches).",
    why: "A client never mistakes a bad reference in the body for a wrong endpoint.",
  },
  {
    status: 401,
    problemTypes: ["unauthenticated"],
    when: "The request has no credentials, or ones the service does not accept (unknown, expired or invalid token).",
    why: "Who is asking is not known yet, so nothing can be decided; the client authenticates and sends it again.",
  },
  {
    status: 403,
    problemTypes: ["permission-denied"],
    when:
      "The caller may know the resource exists but may not perform this action on it. When the caller may not even " +
      "know it exists (another customer's order), answer 404 instead.",
    why: "A 403 on someone else's order would confirm that the id exists, and ids could be probed one by one.",
  },
  {
    status: 429,
    problemTypes: ["rate-limited"],
    when: "A rate limit refused the request (too many requests per client, or login attempts per account).",
    why: "Nothing ran, and the same request succeeds once the `Retry-After` seconds have passed (RFC 6585).",
  },
  {
    status: 412,
    problemTypes: ["precondition-failed"],
    when: "`If-Match` names a version (ETag) that is no longer current.",
    why: "The client decided on a version someone else has since replaced; it must see the new one first (RFC 9110).",
  },
  {
    status: 428,
    problemTypes: ["precondition-required"],
    when: "A change that needs `If-Match` arrived without it.",
    why: "Without it, the change could silently overwrite one the client never saw (RFC 6585).",
  },
];
