/** Base class of every error the domain raises on purpose; only the presentation layer turns them into HTTP. */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The entity the URL names does not exist (mapped to 404). */
export class EntityNotFoundError extends DomainError {
  readonly entityType: string;
  readonly entityId: string;

  constructor(entityType: string, entityId: string) {
    super(`${entityType} ${entityId} does not exist`);
    this.entityType = entityType;
    this.entityId = entityId;
  }
}

/** A rule that holds whatever the shop's state is was broken: sent again unchanged, it fails again (mapped to 422). `rule` is its id in the catalog. */
export class BusinessRuleViolationError extends DomainError {
  readonly rule: string;

  constructor(rule: string, reason: string) {
    super(reason);
    this.rule = rule;
  }
}

/** The request conflicts with the shop's current state: it may succeed later, or after another change (mapped to 409). */
export class StateConflictError extends DomainError {
  readonly rule: string;

  constructor(rule: string, reason: string) {
    super(reason);
    this.rule = rule;
  }
}
