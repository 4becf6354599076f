import { describe, expect, it } from "vitest";
import { parseTryThis, TryThisFormatError } from "./try-this.ts";

const readme = [
  "# Cache-aside",
  "",
  "## Files to read first",
  "",
  "1. `src/main.ts`",
  "",
  "## Things to try",
  "",
  "1. Run the tests:",
  "",
  "   ```sh",
  "   npm test",
  "   ```",
  "",
  "   All tests pass.",
  "",
  "2. Create an order:",
  "",
  "   ```http",
  "   POST /orders",
  "   Content-Type: application/json",
  "",
  '   {"customerId": "c-1",',
  '    "lines": []}',
  "   ```",
  "",
  "   You get 201 and",
  "   the order.",
  "",
  "3. Change `TTL_MS` in `src/main.ts`, then restart.",
  "",
  "## Next",
  "",
  "1. Not a step.",
].join("\n");

describe("parseTryThis", () => {
  it("reads command, http and prose steps, stopping at the next section", () => {
    expect(parseTryThis(readme)).toEqual([
      { kind: "command", intro: "Run the tests:", commands: ["npm test"], expect: "All tests pass." },
      {
        kind: "http",
        intro: "Create an order:",
        method: "POST",
        path: "/orders",
        headers: { "Content-Type": "application/json" },
        body: '{"customerId": "c-1",\n "lines": []}',
        expect: "You get 201 and the order.",
      },
      { kind: "note", intro: "Change `TTL_MS` in `src/main.ts`, then restart.", expect: "" },
    ]);
  });

  it("returns no steps when the README has no Things to try section", () => {
    expect(parseTryThis("# Title\n\nText.\n")).toEqual([]);
  });

  it("names the file and line of an http block without a request line", () => {
    const bad = "## Things to try\n\n1. Try:\n\n   ```http\n   /orders\n   ```\n";
    expect(() => parseTryThis(bad, "examples/x/README.md")).toThrow(TryThisFormatError);
    expect(() => parseTryThis(bad, "examples/x/README.md")).toThrow(
      /examples\/x\/README\.md:5: an http block must start/,
    );
  });

  it("reads a diff block as an edit of the file its +++ header names, with the command after it", () => {
    const patch = [
      "--- a/src/ttl.ts",
      "+++ b/src/ttl.ts",
      "@@ -1 +1 @@",
      "-export const TTL = 30;",
      "+export const TTL = 0;",
    ];
    const withEdit = [
      "## Things to try",
      "",
      "1. Expire at once:",
      "",
      "   ```diff",
      ...patch.map((line) => `   ${line}`),
    ]
      .concat(["   ```", "", "   ```sh", "   npm test", "   ```", "", '   "serves from the cache" fails.'])
      .join("\n");
    expect(parseTryThis(withEdit)).toEqual([
      {
        kind: "edit",
        intro: "Expire at once:",
        path: "src/ttl.ts",
        patch: `${patch.join("\n")}\n`,
        commands: ["npm test"],
        expect: '"serves from the cache" fails.',
      },
    ]);
  });

  it("refuses a diff block that is not a unified diff", () => {
    const bad = "## Things to try\n\n1. Edit:\n\n   ```diff\n   -a\n   +b\n   ```\n";
    expect(() => parseTryThis(bad, "examples/x/README.md")).toThrow(/examples\/x\/README\.md:5: a diff block must be/);
  });

  it("reports a code block that is never closed", () => {
    expect(() => parseTryThis("## Things to try\n\n1. Run:\n\n```sh\nnpm test\n")).toThrow(/never closed/);
  });
});
