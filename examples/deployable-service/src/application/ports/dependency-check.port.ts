/** One thing the service needs to serve traffic (a database, a cache, a broker), asked "can I reach you?". */
export interface DependencyCheck {
  /** What the readiness report calls it: `database`, `cache`, `broker`. */
  readonly name: string;
  /** Required: the service cannot serve without it, so its failure makes the service unready. */
  readonly required: boolean;
  /** Resolves when the dependency answers; rejects (or honours `signal`) when it does not. */
  check(signal: AbortSignal): Promise<void>;
}
