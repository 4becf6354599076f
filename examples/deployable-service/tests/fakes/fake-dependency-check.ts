import type { DependencyCheck } from "../../src/application/ports/dependency-check.port.ts";

/** A dependency you switch up and down; `hang` makes it never answer (until aborted). */
export class FakeDependencyCheck implements DependencyCheck {
  readonly name: string;
  readonly required: boolean;
  state: "up" | "down" | "hang" = "up";
  calls = 0;

  constructor(name: string, required: boolean) {
    this.name = name;
    this.required = required;
  }

  check(signal: AbortSignal): Promise<void> {
    this.calls += 1;
    if (this.state === "up") return Promise.resolve();
    if (this.state === "down") return Promise.reject(new Error(`${this.name} refused the connection`));
    return new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted"))));
  }
}
