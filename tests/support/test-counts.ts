/** Passed, failed and skipped test counts. */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

const patterns: ReadonlyArray<readonly [keyof TestCounts, RegExp]> = [
  // Vitest: "Tests  12 passed | 1 skipped (13)"
  ["passed", /^\s*Tests\s+.*?(\d+) passed/m],
  ["failed", /^\s*Tests\s+.*?(\d+) failed/m],
  ["skipped", /^\s*Tests\s+.*?(\d+) skipped/m],
  // node:test spec reporter: "ℹ pass 12"; TAP: "# pass 12"
  ["passed", /^(?:ℹ|#) pass (\d+)$/m],
  ["failed", /^(?:ℹ|#) fail (\d+)$/m],
  ["skipped", /^(?:ℹ|#) skipped (\d+)$/m],
  // Playwright list reporter: "  12 passed (30.1s)", "  1 skipped", "  2 failed"
  ["passed", /^\s+(\d+) passed \(/m],
  ["failed", /^\s+(\d+) failed$/m],
  ["skipped", /^\s+(\d+) skipped$/m],
];

/** Reads the closing summary lines of Vitest, node:test and Playwright out of a step's output. */
export function countTests(output: string): TestCounts {
  const counts: TestCounts = { passed: 0, failed: 0, skipped: 0 };
  for (const [field, pattern] of patterns) {
    const match = pattern.exec(output);
    if (match?.[1]) counts[field] += Number(match[1]);
  }
  return counts;
}
