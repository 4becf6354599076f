// Errors the storage ports promise to throw. They live with the ports, not with the adapters,
// so the presentation layer can map them to HTTP without importing infrastructure.

/**
 * Someone saved the aggregate after this copy was read, at `expectedVersion` (0: it did not exist yet),
 * so the compare-and-set failed and nothing was saved (mapped to 409; retrying the request is safe).
 */
export class ConcurrencyConflictError extends Error {
  readonly entityType: string;
  readonly entityId: string;
  readonly expectedVersion: number;

  constructor(entityType: string, entityId: string, expectedVersion: number) {
    super(
      expectedVersion === 0
        ? `${entityType} ${entityId} already exists; nothing was saved, try again`
        : `${entityType} ${entityId} was changed by someone else (expected version ${expectedVersion}); nothing was saved, try again`,
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
