/** Base class of every error the domain raises on purpose; only the presentation layer turns them into HTTP. */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A referenced entity does not exist (mapped to 404). */
export class EntityNotFoundError extends DomainError {
  readonly entityType: string;
  readonly entityId: string;

  constructor(entityType: string, entityId: string) {
    super(`${entityType} ${entityId} does not exist`);
    this.entityType = entityType;
    this.entityId = entityId;
  }
}

/** A value-object or invariant rule is broken: the request can never succeed as sent (mapped to 422). */
export class BusinessRuleViolationError extends DomainError {
  readonly rule: string;

  constructor(rule: string, reason: string) {
    super(reason);
    this.rule = rule;
  }
}

/** A rule about the current state refuses the request: stock gone, order no longer pending (mapped to 409). */
export class StateConflictError extends DomainError {
  readonly rule: string;

  constructor(rule: string, reason: string) {
    super(reason);
    this.rule = rule;
  }
}
