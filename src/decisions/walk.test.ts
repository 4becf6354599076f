import { describe, expect, it } from "vitest";
import { architectureTree } from "./trees/architecture.ts";
import { walk } from "./walk.ts";

describe("walk through the architecture tree", () => {
  it("stops at the first question before any answer", () => {
    const result = walk(architectureTree, "");
    expect(result.nodes).toEqual(["A", "B"]);
    expect(result.edges).toEqual(["e_A_B"]);
    expect(result.current?.label).toBe("Complex domain logic?");
    expect(result.steps).toEqual([]);
  });

  it("follows Yes through the DDD branch up to the next question", () => {
    const result = walk(architectureTree, "y");
    expect(result.nodes).toEqual(["A", "B", "C", "E", "F", "G", "L"]);
    expect(result.steps.map((step) => step.id)).toEqual(["C", "E", "F", "G"]);
    expect(result.current?.id).toBe("L");
  });

  it("reaches an outcome after the last question and lists every step on the path", () => {
    const result = walk(architectureTree, "nnyny");
    expect(result.nodes).toEqual(["A", "B", "D", "I", "J", "G", "L", "N", "O", "P", "Q"]);
    expect(result.edges).toContain("e_I_J");
    expect(result.current).toBeUndefined();
    expect(result.steps.map((step) => step.label)).toEqual([
      "Use Unit of Work",
      "Implement Use Cases",
      "Single transaction",
      "Publish Domain Events",
      "Event-Driven Architecture",
    ]);
    expect(result.answered.map((step) => `${step.question.id}:${step.answer}`)).toEqual([
      "B:n",
      "D:n",
      "I:y",
      "L:n",
      "P:y",
    ]);
    expect(result.ignored).toBe("");
  });

  it("keeps the usable answers and reports the rest as ignored", () => {
    expect(walk(architectureTree, "nxy").ignored).toBe("xy");
    expect(walk(architectureTree, "nxy").current?.id).toBe("D");
    expect(walk(architectureTree, "yyyyyy").ignored).toBe("yyy");
  });
});
