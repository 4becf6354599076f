/**
 * What an adapter throws when the outside world fails. They are declared here, beside the ports, not
 * in infrastructure: they are part of what every port promises ("I fail only with these"), so use
 * cases and the HTTP edge can react to them without knowing which database or API sits behind a port.
 * Their messages are for logs only: they may name hosts, queries or upstream answers.
 */

/** Base class: an external system failed; `cause` keeps the raw driver or HTTP error for the log. */
export class InfrastructureError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The database cannot be reached or dropped the connection. */
export class DatabaseConnectionError extends InfrastructureError {}

/** The cache cannot be reached. Usually survivable: read from the database instead. */
export class CacheConnectionError extends InfrastructureError {}

/** A call to another service failed: no answer (`statusCode` null), an error status, or an unreadable answer. */
export class ExternalAPIError extends InfrastructureError {
  readonly service: string;
  readonly statusCode: number | null;

  constructor(service: string, statusCode: number | null, message: string, options?: { cause?: unknown }) {
    super(`${service}: ${message}`, options);
    this.service = service;
    this.statusCode = statusCode;
  }
}
