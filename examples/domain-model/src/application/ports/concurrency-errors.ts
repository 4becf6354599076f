// Errors about versions. They live beside the ports because repositories promise to throw the first,
// and the HTTP edge maps both without importing infrastructure.

/**
 * Someone saved the aggregate after this copy was read: the repository's compare-and-set on
 * `version` failed and nothing was written (mapped to 409). Read again, then retry if it still makes sense.
 */
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

/** The version the client last read (its If-Match) is no longer the current one (mapped to 412). */
export class PreconditionFailedError extends Error {
  readonly entityType: string;
  readonly entityId: string;
  readonly currentVersion: number;

  constructor(entityType: string, entityId: string, currentVersion: number) {
    super(`${entityType} ${entityId} is at version ${currentVersion}; GET it again for the current ETag`);
    this.name = "PreconditionFailedError";
    this.entityType = entityType;
    this.entityId = entityId;
    this.currentVersion = currentVersion;
  }
}
