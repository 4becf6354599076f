import type { Clock } from "../application/ports/clock.port.ts";

/** The wall clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
