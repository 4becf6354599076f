/** The current time, as a port so tests can use a FakeClock. */
export interface Clock {
  now(): Date;
}
