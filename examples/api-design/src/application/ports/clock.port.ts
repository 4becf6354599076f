/** Where the application gets the time; tests pass a clock that stands still. */
export interface Clock {
  now(): Date;
}
