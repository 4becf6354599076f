/** The current time in epoch milliseconds, as a port so tests can use a FakeClock. */
export interface Clock {
  now(): number;
}
