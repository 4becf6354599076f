import type { Clock } from "../../src/application/ports/clock.port.ts";

/** A clock that stands still until the test moves it. */
export class FakeClock implements Clock {
  private current: Date;

  constructor(start = new Date("2026-03-01T10:00:00.000Z")) {
    this.current = start;
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
