/**
 * What a "Things to try" step claims, read from its prose, so the guide's tests can check each claim against a
 * copy of the example. The README format (examples/README.md) says which phrasings are read.
 */
import type { EditTryStep, HttpTryStep } from "./try-this.ts";

/** One `"name": value` fragment quoted in backticks, e.g. `"rule": "order.not-empty"`. */
export interface JsonFragment {
  readonly name: string;
  readonly value: unknown;
}

/** What an HTTP step says the service answers. */
export interface HttpClaims {
  readonly status?: number;
  readonly headers: readonly string[];
  readonly fragments: readonly JsonFragment[];
}

/** What an edit step says `npm test` does after the edit. */
export interface EditClaims {
  readonly outcome: "fail" | "pass";
  /** Test names quoted in the prose ("…"): each must be reported as failing. */
  readonly failingTests: readonly string[];
}

/** Reads the status ("You get 201"), headers ("a `Location` header") and JSON fragments an HTTP step claims. */
export function httpClaims(step: HttpTryStep): HttpClaims {
  const status = /^You get `?([1-5]\d\d)\b/.exec(step.expect)?.[1];
  const headers = [...step.expect.matchAll(/`([A-Za-z][\w-]*)` headers?\b/g)].map((match) => match[1] ?? "");
  const fragments: JsonFragment[] = [];
  for (const match of step.expect.matchAll(/`"([\w.-]+)":\s*([^`]+)`/g)) {
    fragments.push({ name: match[1] ?? "", value: JSON.parse(match[2] ?? "null") });
  }
  return { ...(status ? { status: Number(status) } : {}), headers, fragments };
}

/** Reads whether an edit step says the tests fail, and which tests it names. */
export function editClaims(step: EditTryStep): EditClaims {
  const fails = /\bfail(?:s|ed)?\b/i.test(step.expect) && !/\b(?:nothing|no test) fails\b/i.test(step.expect);
  const failingTests = fails ? [...step.expect.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? "") : [];
  return { outcome: fails ? "fail" : "pass", failingTests };
}

/** True when `value` appears under `name` anywhere in the JSON document. */
export function jsonContains(document: unknown, fragment: JsonFragment): boolean {
  if (Array.isArray(document)) return document.some((item) => jsonContains(item, fragment));
  if (document === null || typeof document !== "object") return false;
  for (const [key, value] of Object.entries(document)) {
    if (key === fragment.name && sameJson(value, fragment.value)) return true;
    if (jsonContains(value, fragment)) return true;
  }
  return false;
}

function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}
