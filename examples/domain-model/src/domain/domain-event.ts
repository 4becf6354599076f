/** What every domain event carries: its own id, its type, and when it happened. */
export interface DomainEvent {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: Date;
}
