// Errors the storage ports promise to throw. They live with the ports, not with the adapters,
// so the presentation layer can map them to HTTP without importing infrastructure.

/**
 * Someone saved the aggregate after the client read it at `expectedVersion`, so the compare-and-set
 * failed and nothing was saved (mapped to 409 concurrency-conflict; read it again, then retry).
 */
export class ConcurrencyConflictError extends Error {
  readonly entityType: string;
  readonly entityId: string;
  readonly expectedVersion: number;

  constructor(entityType: string, entityId: string, expectedVersion: number) {
    super(
      `${entityType} ${entityId} was changed by someone else (expected version ${expectedVersion}); ` +
        "nothing was saved, read it again",
    );
    this.name = "ConcurrencyConflictError";
    this.entityType = entityType;
    this.entityId = entityId;
    this.expectedVersion = expectedVersion;
  }
}

/** Base class of failures of the world outside the process (mapped to 503). */
export class InfrastructureError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The database cannot be reached or has gone away. */
export class DatabaseConnectionError extends InfrastructureError {}
