import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import {
  errorClasses,
  findProblemType,
  findRule,
  PROBLEM_TYPE_BASE,
  problemTypes,
  problemTypeUri,
  rules,
  type ExampleName,
} from "../../../src/canon/index.ts";

/** An example's source files: path relative to the example's folder → text. */
export type SourceFiles = ReadonlyMap<string, string>;

/** Where an example raises a rule: the id, the canon error class it resolves to, and the place. */
export type RuleRaise = { readonly rule: string; readonly errorClass: string; readonly where: string };

const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const RULE_CLASSES = new Set<string>(rules.map((rule) => rule.errorClass));

/** Reads every `.ts` file under an example's `src/`. */
export function readExampleSources(exampleDir: string): SourceFiles {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) files.set(relative(exampleDir, path), readFileSync(path, "utf8"));
    }
  };
  walk(join(exampleDir, "src"));
  return files;
}

/** Each class declared in the files, with the name of the class it extends. */
function classParents(files: SourceFiles): Map<string, string> {
  const parents = new Map<string, string>();
  for (const [path, text] of files) {
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (ts.isClassLike(node) && node.name !== undefined) {
        const parent = extendsName(node);
        if (parent !== undefined) parents.set(node.name.text, parent);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return parents;
}

function extendsName(node: ts.ClassLikeDeclaration): string | undefined {
  const clause = node.heritageClauses?.find((heritage) => heritage.token === ts.SyntaxKind.ExtendsKeyword);
  const expression = clause?.types[0]?.expression;
  return expression !== undefined && ts.isIdentifier(expression) ? expression.text : undefined;
}

/** Follows `extends` through the example's own classes until a canon error class (or a dead end). */
function canonAncestor(name: string, parents: ReadonlyMap<string, string>): string {
  let current = name;
  for (let depth = 0; depth < 10 && !RULE_CLASSES.has(current); depth += 1) {
    const parent = parents.get(current);
    if (parent === undefined) break;
    current = parent;
  }
  return current;
}

/**
 * Every place the example raises a rule: `new SomeError("rule.id", …)`, or `super("rule.id", …)` in a
 * class that extends one, parsed with the TypeScript compiler so comments and strings cannot fool it.
 */
export function findRuleRaises(files: SourceFiles): RuleRaise[] {
  const parents = classParents(files);
  const raises: RuleRaise[] = [];
  for (const [path, text] of files) {
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const where = (node: ts.Node) => `${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node, enclosingClass: ts.ClassLikeDeclaration | undefined) => {
      const first = (ts.isNewExpression(node) || ts.isCallExpression(node)) && node.arguments?.[0];
      if (first && ts.isStringLiteralLike(first) && RULE_ID.test(first.text)) {
        let raisedWith: string | undefined;
        if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) raisedWith = node.expression.text;
        if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword && enclosingClass) {
          raisedWith = extendsName(enclosingClass);
        }
        const errorClass = raisedWith === undefined ? undefined : canonAncestor(raisedWith, parents);
        if (errorClass !== undefined && (RULE_CLASSES.has(errorClass) || errorClass.endsWith("Error"))) {
          raises.push({ rule: first.text, errorClass, where: where(first) });
        }
      }
      ts.forEachChild(node, (child) => visit(child, ts.isClassLike(node) ? node : enclosingClass));
    };
    visit(source, undefined);
  }
  return raises;
}

/** The problem slugs an example's HTTP edge can emit, and the base its `type` URIs start with. */
export function findEmittedProblems(files: SourceFiles): { base: string | undefined; slugs: Set<string> } {
  const text = files.get("src/presentation/problem-details.ts") ?? "";
  const base = /const PROBLEM_BASE = "([^"]+)"/.exec(text)?.[1];
  const slugs = new Set([...text.matchAll(/\$\{PROBLEM_BASE\}([a-z-]+)/g)].map((match) => match[1] ?? ""));
  // The Host allow-list answers before the mapper is reached, with its own full problem type URI.
  const hostCheck = files.get("src/presentation/host-allow-list.ts") ?? "";
  for (const match of hostCheck.matchAll(/"https:\/\/[^"]+\/reference\/problems\/#([a-z-]+)"/g)) {
    if (base !== undefined && match[0].startsWith(`"${base}`)) slugs.add(match[1] ?? "");
  }
  return { base, slugs };
}

/**
 * Everything in which an example disagrees with the canon, one readable line each; empty when it agrees.
 * Checks rule ids, the class (so the status) each rule is raised with, both directions of the catalog's
 * `raisedBy`, and the problem types the edge emits.
 */
export function checkExampleAgainstCanon(example: ExampleName, files: SourceFiles): string[] {
  const problems: string[] = [];
  const raises = findRuleRaises(files);
  for (const raise of raises) {
    const rule = findRule(raise.rule);
    if (rule === undefined) {
      problems.push(`${example}/${raise.where} raises "${raise.rule}", which is not in the canon's rule catalog`);
      continue;
    }
    if (rule.errorClass !== raise.errorClass) {
      problems.push(
        `${example}/${raise.where} raises "${raise.rule}" as ${raise.errorClass}; the catalog says ${rule.errorClass} (${rule.status} ${rule.problemType})`,
      );
    }
    if (!rule.raisedBy.includes(example)) {
      problems.push(
        `${example}/${raise.where} raises "${raise.rule}", but the catalog does not list ${example} for it`,
      );
    }
  }
  const raised = new Set(raises.map((raise) => raise.rule));
  for (const rule of rules) {
    if (rule.raisedBy.includes(example) && !raised.has(rule.id)) {
      problems.push(`the catalog lists ${example} for "${rule.id}", but ${example} never raises it`);
    }
  }

  const emitted = findEmittedProblems(files);
  if (emitted.base !== PROBLEM_TYPE_BASE) {
    problems.push(`${example}: PROBLEM_BASE is ${JSON.stringify(emitted.base)}, not "${PROBLEM_TYPE_BASE}"`);
  }
  for (const slug of emitted.slugs) {
    const problem = findProblemType(slug);
    if (problem === undefined)
      problems.push(`${example} emits problem type "${slug}", which has no anchor on /reference/problems/`);
    else if (!problem.raisedBy.includes(example)) {
      problems.push(`${example} emits "${slug}", but the canon does not list ${example} for it`);
    }
  }
  for (const problem of problemTypes) {
    if (problem.raisedBy.includes(example) && !emitted.slugs.has(problem.slug)) {
      problems.push(`the canon lists ${example} for problem type "${problem.slug}", but ${example} never emits it`);
    }
  }
  return problems;
}

/** What a problem-details mapper returns, as far as the canon cares. */
export type MappedProblem = { type: string; title: string; status: number; rule?: string };

/** Arguments that build an instance of each canon error class, whatever message it writes. */
const SAMPLE_ARGUMENTS: Readonly<Record<string, readonly unknown[]>> = {
  BusinessRuleViolationError: ["order.not-empty", "An order needs at least one line"],
  StateConflictError: ["product.stock-available", "Product p-3 has 0 in stock; 1 requested"],
  EntityNotFoundError: ["Order", "o-404"],
  PermissionDeniedError: ["cancel", "Only staff can cancel a confirmed order"],
  ConcurrencyConflictError: ["Order", "o-1", 1],
  PreconditionFailedError: ["Order", "o-1", 2],
  ExternalAPIError: ["warehouse", 503, "unavailable"],
  RequestValidationError: [[{ pointer: "/lines/0/quantity", message: "Expected a number" }]],
};

/**
 * Builds one instance of every canon error class the example declares, runs it through the example's
 * own mapper, and reports each answer whose status, `type`, `title` or `rule` differs from the canon.
 */
export function checkProblemMapping(
  example: ExampleName,
  declared: ReadonlyMap<string, new (...args: never[]) => unknown>,
  mapError: (error: unknown) => MappedProblem,
): string[] {
  const problems: string[] = [];
  for (const canonClass of errorClasses) {
    const ErrorClass = declared.get(canonClass.name);
    if (ErrorClass === undefined || canonClass.problemType === null) continue;
    const args = SAMPLE_ARGUMENTS[canonClass.name] ?? ["a message"];
    const answer = mapError(new (ErrorClass as new (...args: unknown[]) => unknown)(...args));
    const expected = findProblemType(canonClass.problemType);
    const wrong: string[] = [];
    if (answer.status !== canonClass.status) wrong.push(`status ${answer.status}, not ${canonClass.status}`);
    if (answer.type !== problemTypeUri(canonClass.problemType)) wrong.push(`type ${answer.type}`);
    if (answer.title !== expected?.title) wrong.push(`title "${answer.title}", not "${expected?.title}"`);
    if (RULE_CLASSES.has(canonClass.name) && answer.rule !== args[0]) wrong.push("no `rule` member");
    if (wrong.length > 0) problems.push(`${example} answers ${canonClass.name} with ${wrong.join(", ")}`);
  }
  return problems;
}

/** The files that declare each canon error class, so a test can import them. */
export function filesDeclaringCanonErrors(files: SourceFiles): Map<string, string> {
  const declaring = new Map<string, string>();
  for (const [path, text] of files) {
    for (const canonClass of errorClasses) {
      if (new RegExp(`export class ${canonClass.name}\\b`).test(text)) declaring.set(canonClass.name, path);
    }
  }
  return declaring;
}

/** The (status, rule) pairs a README promises: `You get 409 with "rule": "…"`, or `(409, \`rule.id\`)`. */
export function readmeRuleClaims(readme: string): { status: number; rule: string; line: number }[] {
  const claims: { status: number; rule: string; line: number }[] = [];
  const patterns = [/You get (\d{3}) with `"rule": "([^"]+)"`/g, /\((\d{3}), `([a-z0-9-]+\.[a-z0-9-]+)`\)/g];
  for (const pattern of patterns) {
    for (const match of readme.matchAll(pattern)) {
      const line = readme.slice(0, match.index).split("\n").length;
      claims.push({ status: Number(match[1]), rule: match[2] ?? "", line });
    }
  }
  return claims;
}

/** Every README claim about a rule that the catalog contradicts: an unknown id, or another status. */
export function checkReadmeAgainstCanon(example: ExampleName, readme: string): string[] {
  return readmeRuleClaims(readme).flatMap(({ status, rule, line }) => {
    const entry = findRule(rule);
    if (entry === undefined) return [`${example}/README.md:${line} names "${rule}", which is not in the rule catalog`];
    if (entry.status !== status) {
      return [`${example}/README.md:${line} promises ${status} for "${rule}"; the catalog says ${entry.status}`];
    }
    return [];
  });
}
