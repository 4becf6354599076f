/** One invalid field: a JSON Pointer (RFC 6901) into the body, or the name of a query parameter or header. */
export type FieldError =
  { readonly pointer: string; readonly message: string } | { readonly field: string; readonly message: string };

/** The request body is not parseable JSON (mapped to 400). */
export class MalformedJsonError extends Error {
  constructor(message = "The request body is not valid JSON") {
    super(message);
    this.name = "MalformedJsonError";
  }
}

/** The body was sent with a media type this operation does not take (mapped to 415). */
export class UnsupportedMediaTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedMediaTypeError";
  }
}

/** The body, a query parameter or a header has the wrong shape or type (mapped to 422, one entry per field). */
export class RequestValidationError extends Error {
  readonly errors: readonly FieldError[];

  constructor(message: string, errors: readonly FieldError[]) {
    super(message);
    this.name = "RequestValidationError";
    this.errors = errors;
  }
}

/** A change that must say which version it was decided on arrived without If-Match (mapped to 428). */
export class PreconditionRequiredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PreconditionRequiredError";
  }
}

/** No bearer token, or one this service does not know (mapped to 401 with `WWW-Authenticate`). */
export class AuthenticationRequiredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthenticationRequiredError";
  }
}

/** The Idempotency-Key was already used for a different request (mapped to 422). */
export class IdempotencyKeyReusedError extends Error {
  constructor(key: string) {
    super(`Idempotency-Key ${key} was already used for a different request; use a new key for a new request`);
    this.name = "IdempotencyKeyReusedError";
  }
}

/** A request with this Idempotency-Key is still being processed (mapped to 409 with `Retry-After`). */
export class IdempotencyRequestInFlightError extends Error {
  constructor(key: string) {
    super(`A request with Idempotency-Key ${key} is still being processed; retry in a moment`);
    this.name = "IdempotencyRequestInFlightError";
  }
}
