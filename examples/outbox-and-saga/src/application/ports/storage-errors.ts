// Errors the storage ports promise to throw. They live with the ports, not with the adapters,
// so the presentation layer can map them to HTTP without importing infrastructure.

/** Someone else changed the aggregate since it was read (mapped to 409; retrying the request is safe). */
export class ConcurrencyConflictError extends Error {
  readonly entityType: string;
  readonly entityId: string;

  constructor(entityType: string, entityId: string, reason: string) {
    super(`${entityType} ${entityId} ${reason}; nothing was saved, try again`);
    this.name = "ConcurrencyConflictError";
    this.entityType = entityType;
    this.entityId = entityId;
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
