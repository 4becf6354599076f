// Declared beside the ports because repositories promise to throw it, and the HTTP edge maps it
// without importing infrastructure.

/**
 * Someone saved the product after this copy was read: the repository's compare-and-set on `version`
 * failed and nothing was written (mapped to 409). Read again, then retry if it still makes sense.
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
