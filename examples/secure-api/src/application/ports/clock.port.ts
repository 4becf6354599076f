/** The current time, injected so tests fix it instead of waiting. */
export interface Clock {
  now(): Date;
}
