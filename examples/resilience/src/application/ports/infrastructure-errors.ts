/**
 * What an adapter throws when the outside world fails. They are declared here, beside the ports, so
 * use cases and the HTTP edge can react to them without knowing which API sits behind a port. Their
 * messages are for logs only: they may name hosts or upstream answers.
 */

/** Base class: something outside the process failed; `cause` keeps the raw failure for the log. */
export class InfrastructureError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A call to another service failed: no answer in time (`statusCode` null), or an error status. */
export class ExternalAPIError extends InfrastructureError {
  readonly service: string;
  readonly statusCode: number | null;

  constructor(service: string, statusCode: number | null, message: string, options?: ErrorOptions) {
    super(`${service}: ${message}`, options);
    this.service = service;
    this.statusCode = statusCode;
  }
}

/**
 * The circuit breaker for `service` is open: the call was not even tried. `retryAfterSeconds` is when
 * the breaker lets a trial call through again, so the edge can answer a fast 503 with Retry-After.
 */
export class CircuitOpenError extends ExternalAPIError {
  readonly retryAfterSeconds: number;

  constructor(service: string, retryAfterSeconds: number) {
    super(service, null, `circuit open, next trial call in ${retryAfterSeconds} s`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * Every slot and every queue place for calls to `service` is taken: the call was shed at once rather
 * than left to wait and hold a worker. The client should come back after `retryAfterSeconds`.
 */
export class BulkheadFullError extends ExternalAPIError {
  readonly retryAfterSeconds: number;

  constructor(service: string, retryAfterSeconds: number) {
    super(service, null, `bulkhead full, call shed`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
