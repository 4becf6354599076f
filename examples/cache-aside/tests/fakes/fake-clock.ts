import type { Clock } from "../../src/application/ports/clock.port.ts";

/** A clock that stands still until the test moves it, so TTLs expire exactly when a test says. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start = Date.parse("2026-03-01T10:00:00.000Z")) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
