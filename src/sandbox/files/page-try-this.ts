/** The "Things to try" steps a page shows with <TryThis>: read from the example's README, numbered as there. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defaultExamplesRoot, readExampleSummary } from "./example-files.ts";
import { parseTryThis, type TryStep } from "./try-this.ts";

/** One README step with its number in the README (the sandbox's buttons use the same numbers). */
export interface NumberedStep {
  readonly number: number;
  readonly step: TryStep;
}

/**
 * The README steps of `example` a page asks for: `selection` like "1-3,7" (all steps when omitted).
 * Throws a message naming the example and its step count when the selection is malformed or out of range,
 * so a page that drifts from its README fails the build.
 */
export async function pageTryThis(
  example: string,
  selection?: string,
  root: string = defaultExamplesRoot(),
): Promise<NumberedStep[]> {
  await readExampleSummary(example, root);
  const source = `examples/${example}/README.md`;
  const steps = parseTryThis(await readFile(join(root, example, "README.md"), "utf8"), source);
  const numbers = selection === undefined ? steps.map((_, index) => index + 1) : parseSelection(selection, example);
  return numbers.map((number) => {
    const step = steps[number - 1];
    if (!step) {
      throw new Error(
        `<TryThis example="${example}" steps="${selection}">: ${source} has ${steps.length} steps, not ${number}.`,
      );
    }
    return { number, step };
  });
}

function parseSelection(selection: string, example: string): number[] {
  const numbers: number[] = [];
  for (const part of selection.split(",").map((text) => text.trim())) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    const first = Number(range?.[1]);
    const last = Number(range?.[2] ?? range?.[1]);
    if (!range || first < 1 || last < first) {
      throw new Error(
        `<TryThis example="${example}" steps="${selection}">: "${part}" is not a step number or range like "2-4".`,
      );
    }
    for (let number = first; number <= last; number++) numbers.push(number);
  }
  return numbers;
}

/** Splits README prose into text and `code` spans, the way the sandbox renders the same steps. */
export function proseParts(text: string): Array<{ readonly code: boolean; readonly text: string }> {
  return text
    .split(/(`[^`]+`)/)
    .filter((part) => part !== "")
    .map((part) =>
      part.length > 2 && part.startsWith("`") && part.endsWith("`")
        ? { code: true, text: part.slice(1, -1) }
        : { code: false, text: part.replace(/\*\*([^*]+)\*\*/g, "$1") },
    );
}

/** The request as the README writes it: request line, headers, blank line, body. */
export function requestText(step: Extract<TryStep, { kind: "http" }>): string {
  const head = [
    `${step.method} ${step.path}`,
    ...Object.entries(step.headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return (step.body ? [...head, "", step.body] : head).join("\n");
}
