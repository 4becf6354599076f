import type { Clock } from "../application/ports/clock.port.ts";

/** The real time. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
