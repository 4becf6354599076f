import { describe, expect, it } from "vitest";
import { countTests } from "../support/test-counts.ts";

describe("countTests", () => {
  it("reads Vitest's summary", () => {
    expect(countTests(" Test Files  3 passed (3)\n      Tests  12 passed | 2 skipped (14)\n")).toEqual({
      passed: 12,
      failed: 0,
      skipped: 2,
    });
  });

  it("reads node:test's summary", () => {
    expect(countTests("ℹ tests 9\nℹ pass 8\nℹ fail 1\nℹ skipped 0\n")).toEqual({ passed: 8, failed: 1, skipped: 0 });
  });

  it("reads Playwright's summary", () => {
    expect(countTests("  1 skipped\n  20 passed (1.2m)\n")).toEqual({ passed: 20, failed: 0, skipped: 1 });
  });

  it("counts nothing in output without a summary", () => {
    expect(countTests("compiled 12 files\n")).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });
});
