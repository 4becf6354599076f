type Flight<T> = { readonly promise: Promise<T> };

/**
 * Stampede protection for one process: at most one load per key runs at a time, and callers that
 * miss meanwhile share its result instead of each hitting the database. (Across processes you
 * need a distributed lock or early refresh with jitter; this does not replace them.)
 */
export class SingleFlight<T> {
  readonly #flights = new Map<string, Flight<T>>();
  #started = 0;
  #joined = 0;

  /**
   * Runs `load` for `key`, or joins the load already running for it. `load` receives
   * `isCurrent()`, false once `forget(key)` was called, i.e. when its result may be stale.
   */
  run(key: string, load: (isCurrent: () => boolean) => Promise<T>): Promise<T> {
    const running = this.#flights.get(key);
    if (running !== undefined) {
      this.#joined += 1;
      return running.promise;
    }
    const { promise, resolve, reject } = Promise.withResolvers<T>();
    const flight: Flight<T> = { promise };
    const isCurrent = () => this.#flights.get(key) === flight;
    this.#flights.set(key, flight);
    this.#started += 1;
    // The flight leaves the map before its callers resume, so a caller arriving after it
    // finished starts a new load. Failures are not remembered either: the next caller retries.
    const land = () => {
      if (isCurrent()) this.#flights.delete(key);
    };
    load(isCurrent).then(
      (value) => {
        land();
        resolve(value);
      },
      (error: unknown) => {
        land();
        reject(error);
      },
    );
    return promise;
  }

  /** Detaches the running load of `key`: later callers start a new one, and the old one learns it is stale. */
  forget(key: string): void {
    this.#flights.delete(key);
  }

  /** How many loads ran, and how many callers shared one instead of starting their own. */
  counters(): { readonly started: number; readonly joined: number } {
    return { started: this.#started, joined: this.#joined };
  }
}
