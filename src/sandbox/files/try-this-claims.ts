/**
 * What a "Things to try" step claims, read from its prose, so the guide's tests can check each claim against a
 * copy of the example. The README format (examples/README.md) says which phrasings are read.
 */
import type { EditTryStep, TryRequest } from "./try-this.ts";

/** One `"name": value` fragment quoted in backticks, e.g. `"rule": "order.not-empty"`. */
export interface JsonFragment {
  readonly name: string;
  readonly value: unknown;
}

/** What an HTTP step says the service answers. */
export interface HttpClaims {
  readonly status?: number;
  /** Headers the prose names ("a `Location` header"), with the value it quotes (`X-Cache: HIT`) if any. */
  readonly headers: ReadonlyArray<{ readonly name: string; readonly value?: string }>;
  readonly fragments: readonly JsonFragment[];
}

/** What an edit step says `npm test` does after the edit. */
export interface EditClaims {
  readonly outcome: "fail" | "pass";
  /** Test names quoted in the prose ("…"): each must be reported as failing. */
  readonly failingTests: readonly string[];
}

/**
 * Reads what an HTTP step claims: the status ("You get 201", "Still 404"), headers ("a `Location` header",
 * `X-Cache: HIT`) and JSON members quoted in backticks (`"rule": "order.not-empty"`, `"hits": 4, "size": 3`).
 * Throws when a quoted member is not JSON, so a README cannot claim something the suite silently skips.
 */
export function httpClaims(step: TryRequest & { readonly expect: string }): HttpClaims {
  const status = /^(?:You get|You still get|Still) `?([1-5]\d\d)\b/.exec(step.expect)?.[1];
  const headers = [
    ...[...step.expect.matchAll(/`([A-Za-z][\w-]*)` headers?\b/g)].map((match) => ({ name: match[1] ?? "" })),
    ...[...step.expect.matchAll(/`([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*): ([^`]+)`/g)]
      .filter((match) => isHeaderName(match[1] ?? ""))
      .map((match) => ({
        name: match[1] ?? "",
        // "`Location: /orders/<new id>`" claims the header, not a value the reader cannot know.
        ...(/[<>]/.test(match[2] ?? "") ? {} : { value: match[2] ?? "" }),
      })),
  ];
  const fragments: JsonFragment[] = [];
  for (const match of step.expect.matchAll(/`("[\w.-]+":[^`]+)`/g)) {
    let members: Record<string, unknown>;
    try {
      members = JSON.parse(`{${match[1]}}`) as Record<string, unknown>;
    } catch {
      throw new Error(`"${step.method} ${step.path}" claims \`${match[1]}\`, which is not a JSON member`);
    }
    for (const [name, value] of Object.entries(members)) fragments.push({ name, value });
  }
  return { ...(status ? { status: Number(status) } : {}), headers, fragments };
}

/** Reads whether an edit step says the tests fail, and which tests it names. */
export function editClaims(step: EditTryStep): EditClaims {
  const fails = /\bfail(?:s|ed)?\b/i.test(step.expect) && !/\b(?:nothing|no test) fails\b/i.test(step.expect);
  // Test names are quoted in prose; quotes inside `code` spans are output or code, not test names.
  const prose = step.expect.replace(/`[^`]*`/g, "");
  const failingTests = fails ? [...prose.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? "") : [];
  return { outcome: fails ? "fail" : "pass", failingTests };
}

/** Header names have a hyphen (`X-Cache`, `Retry-After`) or are one of the one-word headers; `TypeError: …` is not. */
function isHeaderName(name: string): boolean {
  return name.includes("-") || ["ETag", "Location", "Link", "Deprecation", "Sunset", "Allow", "Vary"].includes(name);
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
