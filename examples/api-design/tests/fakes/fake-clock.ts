import type { Clock } from "../../src/application/ports/clock.port.ts";

/** A clock that stands still until a test moves it. */
export class FakeClock implements Clock {
  #now: Date;

  constructor(now = new Date("2026-12-01T12:00:00Z")) {
    this.#now = now;
  }

  now(): Date {
    return new Date(this.#now);
  }

  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}
