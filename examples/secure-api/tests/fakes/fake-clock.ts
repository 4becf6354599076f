import type { Clock } from "../../src/application/ports/clock.port.ts";

/** A clock the test sets and moves. */
export class FakeClock implements Clock {
  private current: Date;

  constructor(start = new Date("2026-12-01T12:00:00Z")) {
    this.current = start;
  }

  now(): Date {
    return this.current;
  }

  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}
