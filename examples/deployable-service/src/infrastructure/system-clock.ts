import type { Clock } from "../application/ports/clock.port.ts";

/** The real wall clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
