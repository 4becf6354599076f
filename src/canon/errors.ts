/** The layer a class is declared in, following the dependency rule. */
export type ErrorLayer = "domain" | "application" | "presentation";

/** One class of the error hierarchy, the same name in Python and TypeScript. */
export type ErrorClass = {
  readonly name: string;
  /** The class it extends; `null` for a root (it extends `Exception` in Python, `Error` in TypeScript). */
  readonly parent: string | null;
  readonly layer: ErrorLayer;
  /** Constructor, as a Python signature stub. */
  readonly python: string;
  /** Constructor, as a TypeScript signature stub. */
  readonly typescript: string;
  /** HTTP status the edge maps it to; `null` for abstract bases that are never raised themselves. */
  readonly status: number | null;
  /** Problem type slug the edge answers with (see problem-types.ts); `null` like `status`. */
  readonly problemType: string | null;
  /** When to raise it. */
  readonly meaning: string;
};

/**
 * The error hierarchy: raised where the problem is detected, mapped to HTTP in one place at the edge.
 * Infrastructure errors are declared in the application layer, beside the ports, so adapters raise them
 * and the edge maps them without either importing the other.
 */
export const errorClasses: readonly ErrorClass[] = [
  {
    name: "DomainError",
    parent: null,
    layer: "domain",
    python: "def __init__(self, message: str) -> None: ...",
    typescript: "constructor(message: string);",
    status: null,
    problemType: null,
    meaning: "Base of every error the domain raises on purpose; its message is written for clients.",
  },
  {
    name: "BusinessRuleViolationError",
    parent: "DomainError",
    layer: "domain",
    python: "def __init__(self, rule: str, reason: str) -> None: ...",
    typescript: "constructor(rule: string, reason: string);",
    status: 422,
    problemType: "business-rule-violation",
    meaning:
      "A value-object or invariant rule is broken: the request can never succeed as sent. `rule` is a catalog id.",
  },
  {
    name: "StateConflictError",
    parent: "DomainError",
    layer: "domain",
    python: "def __init__(self, rule: str, reason: str) -> None: ...",
    typescript: "constructor(rule: string, reason: string);",
    status: 409,
    problemType: "state-conflict",
    meaning:
      "A rule about the current state refuses the request (stock gone, order not pending, unknown id in the body).",
  },
  {
    name: "EntityNotFoundError",
    parent: "DomainError",
    layer: "domain",
    python: "def __init__(self, entity_type: str, entity_id: str) -> None: ...",
    typescript: "constructor(entityType: string, entityId: string);",
    status: 404,
    problemType: "not-found",
    meaning: "The entity the URL names does not exist, or the caller may not know that it does.",
  },
  {
    name: "PermissionDeniedError",
    parent: "DomainError",
    layer: "domain",
    python: "def __init__(self, action: str, reason: str) -> None: ...",
    typescript: "constructor(action: string, reason: string);",
    status: 403,
    problemType: "permission-denied",
    meaning: "The caller may see the resource but not perform this action on it.",
  },
  {
    name: "ConcurrencyConflictError",
    parent: null,
    layer: "application",
    python: "def __init__(self, entity_type: str, entity_id: str, expected_version: int) -> None: ...",
    typescript: "constructor(entityType: string, entityId: string, expectedVersion: number);",
    status: 409,
    problemType: "concurrency-conflict",
    meaning:
      "Raised by a repository when its compare-and-set on `version` finds that someone saved the aggregate first.",
  },
  {
    name: "PreconditionFailedError",
    parent: null,
    layer: "application",
    python: "def __init__(self, entity_type: str, entity_id: str, current_version: int) -> None: ...",
    typescript: "constructor(entityType: string, entityId: string, currentVersion: number);",
    status: 412,
    problemType: "precondition-failed",
    meaning: "The version the client sent in `If-Match` is not the aggregate's current version.",
  },
  {
    name: "PreconditionRequiredError",
    parent: null,
    layer: "presentation",
    python: "def __init__(self, message: str) -> None: ...",
    typescript: "constructor(message: string);",
    status: 428,
    problemType: "precondition-required",
    meaning: "A change that needs `If-Match` arrived without it.",
  },
  {
    name: "InfrastructureError",
    parent: null,
    layer: "application",
    python: "def __init__(self, message: str) -> None: ...",
    typescript: "constructor(message: string, options?: ErrorOptions);",
    status: 503,
    problemType: "service-unavailable",
    meaning:
      "Base of the errors adapters raise when something outside the process fails; its message never reaches clients.",
  },
  {
    name: "DatabaseConnectionError",
    parent: "InfrastructureError",
    layer: "application",
    python: "def __init__(self, message: str) -> None: ...",
    typescript: "constructor(message: string, options?: ErrorOptions);",
    status: 503,
    problemType: "service-unavailable",
    meaning: "The database cannot be reached or dropped the connection.",
  },
  {
    name: "CacheConnectionError",
    parent: "InfrastructureError",
    layer: "application",
    python: "def __init__(self, message: str) -> None: ...",
    typescript: "constructor(message: string, options?: ErrorOptions);",
    status: 503,
    problemType: "service-unavailable",
    meaning:
      "The cache cannot be reached or timed out. Only connection and timeout failures become this; a programming error " +
      "such as Redis's WRONGTYPE stays a bug (500).",
  },
  {
    name: "ExternalAPIError",
    parent: "InfrastructureError",
    layer: "application",
    python: "def __init__(self, service: str, status_code: int | None, message: str) -> None: ...",
    typescript: "constructor(service: string, statusCode: number | null, message: string, options?: ErrorOptions);",
    status: 503,
    problemType: "service-unavailable",
    meaning: "Another service failed, timed out or answered with an error.",
  },
  {
    name: "CircuitOpenError",
    parent: "ExternalAPIError",
    layer: "application",
    python: "def __init__(self, service: str, retry_after_seconds: int) -> None: ...",
    typescript: "constructor(service: string, retryAfterSeconds: number);",
    status: 503,
    problemType: "service-unavailable",
    meaning:
      "The circuit breaker for `service` is open, so the call was not made. `retryAfterSeconds` is when the breaker " +
      "lets a trial call through; the edge sends it as `Retry-After`.",
  },
  {
    name: "BulkheadFullError",
    parent: "ExternalAPIError",
    layer: "application",
    python: "def __init__(self, service: str, retry_after_seconds: int) -> None: ...",
    typescript: "constructor(service: string, retryAfterSeconds: number);",
    status: 503,
    problemType: "service-unavailable",
    meaning:
      "Every slot and queue place for calls to `service` is taken, so the call was shed at once instead of waiting; " +
      "the edge sends `retryAfterSeconds` as `Retry-After`.",
  },
  {
    name: "MalformedJsonError",
    parent: null,
    layer: "presentation",
    python: "def __init__(self, message: str) -> None: ...",
    typescript: "constructor(message: string);",
    status: 400,
    problemType: "malformed-json",
    meaning: "The body is not valid JSON.",
  },
  {
    name: "UnsupportedMediaTypeError",
    parent: null,
    layer: "presentation",
    python: "def __init__(self, message: str) -> None: ...",
    typescript: "constructor(message: string);",
    status: 415,
    problemType: "unsupported-media-type",
    meaning: "A body arrived without a JSON Content-Type.",
  },
  {
    name: "RequestValidationError",
    parent: null,
    layer: "presentation",
    python: "def __init__(self, message: str, errors: Sequence[FieldError]) -> None: ...",
    typescript: "constructor(message: string, errors: readonly FieldError[]);",
    status: 422,
    problemType: "validation-failed",
    meaning: "The body or query failed the edge's schema (zod in TypeScript, Pydantic in Python).",
  },
  {
    name: "AuthenticationRequiredError",
    parent: null,
    layer: "presentation",
    python: "def __init__(self, message: str) -> None: ...",
    typescript: "constructor(message: string);",
    status: 401,
    problemType: "unauthenticated",
    meaning: "No credentials, or credentials the service does not accept (missing, unknown, expired or invalid token).",
  },
  {
    name: "InvalidCredentialsError",
    parent: null,
    layer: "application",
    python: "def __init__(self, message: str) -> None: ...",
    typescript: "constructor(message: string);",
    status: 401,
    problemType: "unauthenticated",
    meaning:
      "Credentials were checked and refused: a wrong password or unknown email (one message for both), an access " +
      "token that fails verification, or a refresh token that is unknown, expired, revoked or replayed.",
  },
  {
    name: "RateLimitExceededError",
    parent: null,
    layer: "presentation",
    python: "def __init__(self, policy: str, retry_after_seconds: int) -> None: ...",
    typescript: "constructor(policy: string, retryAfterSeconds: number);",
    status: 429,
    problemType: "rate-limited",
    meaning: "A rate limit refused the request before it ran; `Retry-After` says when to try again.",
  },
  {
    name: "IdempotencyKeyReusedError",
    parent: null,
    layer: "presentation",
    python: "def __init__(self, key: str) -> None: ...",
    typescript: "constructor(key: string);",
    status: 422,
    problemType: "idempotency-key-reused",
    meaning: "An Idempotency-Key came back with a different request (another body, method or path).",
  },
  {
    name: "IdempotencyRequestInFlightError",
    parent: null,
    layer: "presentation",
    python: "def __init__(self, key: str) -> None: ...",
    typescript: "constructor(key: string);",
    status: 409,
    problemType: "idempotency-request-in-flight",
    meaning: "A request with the same Idempotency-Key is still being processed.",
  },
];
