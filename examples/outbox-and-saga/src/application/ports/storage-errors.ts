// Errors the storage ports promise to throw. They live with the ports, not with the adapters,
// so the presentation layer can map them to HTTP without importing infrastructure.

/** Someone else saved the aggregate since it was read (mapped to 409; nothing was saved). */
export class ConcurrencyConflictError extends Error {
  readonly entityType: string;
  readonly entityId: string;
  readonly expectedVersion: number;

  constructor(entityType: string, entityId: string, expectedVersion: number) {
    super(`${entityType} ${entityId} was changed by someone else (expected version ${expectedVersion}); read it again`);
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
