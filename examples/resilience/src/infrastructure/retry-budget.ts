/**
 * A retry budget as a token bucket, shared by every call to one dependency. A retry costs a token; a
 * call that succeeds earns back `refillPerSuccess` of one. While the dependency is healthy the bucket
 * stays full; in an outage it empties after `capacity` retries and stays empty, so retries add at most
 * that fraction of load on top of real traffic instead of multiplying it.
 */
export class RetryBudget {
  readonly capacity: number;
  private readonly refillPerSuccess: number;
  private current: number;

  constructor(options: { capacity: number; refillPerSuccess: number }) {
    this.capacity = options.capacity;
    this.refillPerSuccess = options.refillPerSuccess;
    this.current = options.capacity;
  }

  get tokens(): number {
    return Math.round(this.current * 100) / 100;
  }

  /** Whether one more retry is affordable now. */
  canRetry(): boolean {
    return this.current >= 1;
  }

  /** A retry is being made: it costs one token. */
  spend(): void {
    this.current = Math.max(0, this.current - 1);
  }

  /** A call succeeded: earn back a fraction of a token, up to the capacity. */
  recordSuccess(): void {
    this.current = Math.min(this.capacity, this.current + this.refillPerSuccess);
  }
}
