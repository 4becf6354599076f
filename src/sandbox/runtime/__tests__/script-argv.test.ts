/** Scripts become node argv without a shell; anything a shell would interpret is refused. */
import { describe, expect, it } from "vitest";
import { globToRegExp, parseNodeVersion, supportsModuleHooks } from "../container-typescript.ts";
import { nodeArgsOfScript, UnsupportedScriptError } from "../script-argv.ts";

describe("nodeArgsOfScript", () => {
  it.each([
    ["node src/main.ts", ["src/main.ts"]],
    ['node --test "tests/**/*.test.ts"', ["--test", "tests/**/*.test.ts"]],
    [
      "node --test 'tests/**/*.test.ts'  --test-reporter=spec",
      ["--test", "tests/**/*.test.ts", "--test-reporter=spec"],
    ],
  ])("splits %j", (script, args) => {
    expect(nodeArgsOfScript(script)).toEqual(args);
  });

  it.each([
    ["npm run build", /start with `node`/],
    ["PORT=1 node src/main.ts", /start with `node`/],
    ["node src/main.ts && rm -rf /", /shell character "&"/],
    ["node src/main.ts | tee log", /shell character "\|"/],
    ["node --test tests/*.test.ts", /shell character "\*"/],
    ['node -e "$(cat x)"', /expansion inside double quotes/],
    ["node src/main.ts; id", /shell character ";"/],
    ['node "unclosed', /unclosed/],
  ])("refuses %j", (script, why) => {
    expect(() => nodeArgsOfScript(script)).toThrow(UnsupportedScriptError);
    expect(() => nodeArgsOfScript(script)).toThrow(why);
  });
});

describe("container TypeScript helpers", () => {
  it("matches test globs the way node --test expands them", () => {
    const glob = globToRegExp("tests/**/*.test.ts");
    expect(["tests/a.test.ts", "tests/unit/b.test.ts", "tests/x/y/c.test.ts"].every((path) => glob.test(path))).toBe(
      true,
    );
    expect(
      ["src/a.test.ts", "tests/a.test.tsx", "tests/a_test.ts", "tests/unit/helpers.ts"].some((path) => glob.test(path)),
    ).toBe(false);
  });

  it("reads Node versions and knows where module hooks exist", () => {
    expect(parseNodeVersion("v20.19.1\r\n")).toEqual([20, 19, 1]);
    expect(parseNodeVersion("command not found")).toBeUndefined();
    expect(supportsModuleHooks([20, 6, 0])).toBe(true);
    expect(supportsModuleHooks([20, 5, 1])).toBe(false);
    expect(supportsModuleHooks([18, 19, 0])).toBe(true);
    expect(supportsModuleHooks([22, 0, 0])).toBe(true);
  });
});
