import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_NAMES, rules } from "../../../src/canon/index.ts";
import {
  checkExampleAgainstCanon,
  checkProblemMapping,
  checkReadmeAgainstCanon,
  filesDeclaringCanonErrors,
  findRuleRaises,
  readExampleSources,
  readmeRuleClaims,
  type MappedProblem,
} from "./example-drift.ts";

const examplesDir = new URL("../../../examples/", import.meta.url).pathname;

describe.each(EXAMPLE_NAMES)("%s follows the canon", (example) => {
  const dir = join(examplesDir, example);
  const files = readExampleSources(dir);

  it("raises only catalog rules, each with the catalog's error class, and every rule the catalog lists for it", () => {
    expect(checkExampleAgainstCanon(example, files)).toEqual([]);
  });

  it("promises in its README only catalog rules, with the catalog's status", () => {
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    expect(readmeRuleClaims(readme).length, "the README names no rule with its status").toBeGreaterThan(0);
    expect(checkReadmeAgainstCanon(example, readme)).toEqual([]);
  });

  it("answers each canon error with the canon's status, type and title", async () => {
    const declared = new Map<string, new (...args: never[]) => unknown>();
    for (const [name, path] of filesDeclaringCanonErrors(files)) {
      const module = (await import(/* @vite-ignore */ join(dir, path))) as Record<string, unknown>;
      declared.set(name, module[name] as new (...args: never[]) => unknown);
    }
    const detailsPath = "src/presentation/problem-details.ts";
    const details = (await import(/* @vite-ignore */ join(dir, detailsPath))) as {
      problemFromError: (error: unknown, where: unknown) => MappedProblem;
    };
    // error-handling's mapper also takes the request id; the others take the path.
    const where = (files.get(detailsPath) ?? "").includes("ProblemContext")
      ? { instance: "/orders", requestId: "req-1" }
      : "/orders";
    expect(checkProblemMapping(example, declared, (error) => details.problemFromError(error, where))).toEqual([]);
  });
});

describe("the drift check fails when an example disagrees with the canon", () => {
  const original = readExampleSources(join(examplesDir, "domain-model"));
  const doctored = (path: string, from: string, to: string) => {
    const text = original.get(path) ?? "";
    expect(text, `${path} no longer contains ${from}`).toContain(from);
    return new Map(original).set(path, text.replace(from, to));
  };

  it("a rule id that is not in the catalog", () => {
    const files = doctored("src/domain/order.errors.ts", '"order.not-empty"', '"order.has-lines"');
    expect(checkExampleAgainstCanon("domain-model", files)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /order\.errors\.ts:\d+ raises "order\.has-lines", which is not in the canon's rule catalog/,
        ),
        'the catalog lists domain-model for "order.not-empty", but domain-model never raises it',
      ]),
    );
  });

  it("an invariant raised as a state conflict (409 instead of 422)", () => {
    const files = doctored(
      "src/domain/quantity.value-object.ts",
      "throw new BusinessRuleViolationError(",
      "throw new StateConflictError(",
    );
    expect(checkExampleAgainstCanon("domain-model", files)).toEqual([
      expect.stringMatching(
        /raises "quantity\.range" as StateConflictError; the catalog says BusinessRuleViolationError \(422 business-rule-violation\)/,
      ),
    ]);
  });

  it("a problem type that has no anchor on the reference page", () => {
    const files = doctored("src/presentation/problem-details.ts", "}state-conflict`", "}conflict`");
    expect(checkExampleAgainstCanon("domain-model", files)).toEqual(
      expect.arrayContaining([
        'domain-model emits problem type "conflict", which has no anchor on /reference/problems/',
      ]),
    );
  });

  it("a README that promises an old status or an old rule id", () => {
    const readme = 'You get 409 with `"rule": "order.single-currency"`. Try it (409, `order.has-lines`).';
    expect(checkReadmeAgainstCanon("domain-model", readme)).toEqual([
      'domain-model/README.md:1 promises 409 for "order.single-currency"; the catalog says 422',
      'domain-model/README.md:1 names "order.has-lines", which is not in the rule catalog',
    ]);
  });

  it("a mapper that answers a rule violation with the wrong status", () => {
    class BusinessRuleViolationError extends Error {
      readonly rule: string;
      constructor(rule: string, reason: string) {
        super(reason);
        this.rule = rule;
      }
    }
    const declared = new Map([["BusinessRuleViolationError", BusinessRuleViolationError]]);
    const answers409 = (error: unknown): MappedProblem => ({
      type: "https://backend-field-guide.dev/reference/problems/#business-rule-violation",
      title: "Business rule violated",
      status: 409,
      rule: (error as BusinessRuleViolationError).rule,
    });
    expect(checkProblemMapping("domain-model", declared, answers409)).toEqual([
      "domain-model answers BusinessRuleViolationError with status 409, not 422",
    ]);
  });

  it("finds rules raised through a subclass and ignores look-alike strings", () => {
    const files = new Map([
      [
        "src/domain/x.ts",
        [
          "class Base extends StateConflictError {}",
          'class Late extends Base { constructor() { super("order.status-transition", "late"); } }',
          'const label = "server.stopping"; // a log event, not a rule',
          '// new BusinessRuleViolationError("order.commented-out", "no")',
          'logger.info("request.failed");',
        ].join("\n"),
      ],
    ]);
    expect(findRuleRaises(files)).toEqual([
      { rule: "order.status-transition", errorClass: "StateConflictError", where: "src/domain/x.ts:2" },
    ]);
  });
});

it("every catalog rule is raised by some example, unless it belongs to a context only a page shows", () => {
  const raised = new Set(
    EXAMPLE_NAMES.flatMap((example) =>
      findRuleRaises(readExampleSources(join(examplesDir, example))).map((raise) => raise.rule),
    ),
  );
  const expected = rules.filter((rule) => rule.shownOn === undefined).map((rule) => rule.id);
  expect(expected.filter((id) => !raised.has(id))).toEqual([]);
});
