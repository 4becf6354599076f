/** Reads the closing counts of node:test's output, so the sandbox can announce a result in words. */

export interface TestSummary {
  readonly tests: number;
  readonly passed: number;
  readonly failed: number;
}

// Built from a string: a regex literal with the ESC control character trips no-control-regex.
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, "g");

/** The summary node:test prints last ("ℹ tests 12", "ℹ pass 11", "ℹ fail 1", or "# pass 12" in TAP); undefined if absent. */
export function readTestSummary(output: string): TestSummary | undefined {
  const text = output.replace(ANSI_ESCAPE, "");
  const count = (label: string) => {
    const matches = [...text.matchAll(new RegExp(`^(?:ℹ|#) ${label} (\\d+)\\s*$`, "gm"))];
    const last = matches.at(-1);
    return last ? Number(last[1]) : undefined;
  };
  const tests = count("tests");
  const passed = count("pass");
  const failed = count("fail");
  if (passed === undefined || failed === undefined) return undefined;
  return { tests: tests ?? passed + failed, passed, failed };
}
