/**
 * What a cache adapter throws when the outside world fails. Declared beside the ports, not in
 * infrastructure, so the use cases and the HTTP edge can react without knowing what sits behind the port.
 */

/** Base class: an external system failed; `cause` keeps the raw driver error for the log. */
export class InfrastructureError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The cache cannot be reached or did not answer in time. Only that: a command the cache refuses
 * (a wrong type, a syntax error) is a bug, not an outage, and is never translated into this.
 */
export class CacheConnectionError extends InfrastructureError {}
