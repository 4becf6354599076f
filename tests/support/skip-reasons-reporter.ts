import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/** Playwright reporter that prints why each skipped test was skipped; the list reporter shows only a dash. */
export default class SkipReasonsReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== "skipped") return;
    const reasons = test.annotations
      .filter((annotation) => annotation.type === "skip" || annotation.type === "fixme")
      .map((annotation) => annotation.description ?? "no reason given");
    console.log(`skipped: ${test.titlePath().filter(Boolean).join(" › ")}: ${reasons.join("; ") || "no reason given"}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
