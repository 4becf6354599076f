import { describe, expect, it } from "vitest";
import { errorClasses, shopModel } from "../../../src/canon/index.ts";
import {
  findPython,
  GUIDE_PYTHON,
  isAtLeast,
  pythonSyntaxProblems,
  typescriptSyntaxProblems,
} from "../content/code-syntax.ts";

/** Every signature stub of the canon, as the member of a class named after its owner. */
const stubs = [
  ...shopModel.flatMap((element) =>
    element.methods.map((method) => ({ owner: element.name, python: method.python, typescript: method.typescript })),
  ),
  ...errorClasses.map((error) => ({ owner: error.name, python: error.python, typescript: error.typescript })),
];

const indent = (text: string) =>
  text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");

describe("the canon's signatures parse, so pages can be compared with them", () => {
  it("in TypeScript, each stub is a valid member of a declared class", () => {
    const problems = stubs.flatMap(({ owner, typescript }) =>
      typescriptSyntaxProblems(`declare class ${owner} {\n  ${typescript}\n}`).map(
        (problem) => `${owner}: ${typescript}: ${problem.message}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  const python = findPython();
  const usable = python !== undefined && isAtLeast(python, GUIDE_PYTHON);
  it.skipIf(!usable)(
    `in Python ${GUIDE_PYTHON.join(".")}+, each stub is a valid member of a class${usable ? "" : " (skipped: no Python 3.12 or newer on this machine)"}`,
    () => {
      if (python === undefined) return;
      const sources = stubs.map(({ owner, python: stub }) => `class ${owner}:\n${indent(stub)}\n`);
      const problems = pythonSyntaxProblems(python, sources)
        .map((problem, index) => (problem === undefined ? undefined : `${stubs[index]?.owner}: ${problem.message}`))
        .filter((problem) => problem !== undefined);
      expect(problems).toEqual([]);
    },
  );
});
