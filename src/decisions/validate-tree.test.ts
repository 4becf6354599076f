import { describe, expect, it } from "vitest";
import type { DecisionNode, DecisionTree } from "./tree.ts";
import { treeProblems } from "./validate-tree.ts";

const answer = (next: string) => ({ next, howToTell: `how to tell it leads to ${next}`, why: "why" });
const link = { page: "start-here/overview" };

function tree(nodes: DecisionNode[], start = "S"): DecisionTree {
  return { id: "t", title: "T", shortTitle: "T", description: "D", start, nodes, sources: [] };
}

const wellFormed: DecisionNode[] = [
  { kind: "start", id: "S", label: "Start", link, next: "Q" },
  { kind: "question", id: "Q", label: "Q?", link, yes: answer("Y"), no: answer("N") },
  { kind: "step", id: "Y", label: "Yes step", link, summary: "s", next: "N" },
  { kind: "step", id: "N", label: "No step", link, summary: "s" },
];

describe("treeProblems", () => {
  it("accepts a well-formed tree whose paths merge", () => {
    expect(treeProblems(tree(wellFormed))).toEqual([]);
  });

  it("reports a dangling answer", () => {
    const nodes = wellFormed.map((node) => (node.id === "Q" ? { ...node, no: answer("X") } : node));
    expect(treeProblems(tree(nodes))).toContain('node "Q" points to missing node "X"');
  });

  it("reports an unreachable node", () => {
    const nodes = [...wellFormed, { kind: "step", id: "Z", label: "Orphan", link, summary: "s" } as const];
    expect(treeProblems(tree(nodes))).toEqual(['node "Z" cannot be reached from the start']);
  });

  it("reports a cycle", () => {
    const nodes = wellFormed.map((node) => (node.id === "N" ? { ...node, next: "Q" } : node));
    expect(treeProblems(tree(nodes))).toEqual(["the tree has a cycle: Q → Y → N → Q"]);
  });

  it("reports two starts, duplicate ids, Mermaid keywords and an empty explanation", () => {
    const nodes: DecisionNode[] = [
      ...wellFormed.map((node) => (node.id === "Q" ? { ...node, yes: { ...answer("Y"), howToTell: " " } } : node)),
      { kind: "start", id: "S", label: "Again", link, next: "Q" },
      { kind: "step", id: "end", label: "End", link, summary: "s" },
    ];
    expect(treeProblems(tree(nodes))).toEqual(
      expect.arrayContaining([
        'node id "S" is used twice',
        'node id "end" must be letters, digits or underscores, start with a letter, and not be a Mermaid keyword',
        "a tree needs exactly one start node, found 2",
        'question "Q" has no "how to tell" for Yes',
      ]),
    );
  });

  it("reports a question whose Yes and No a reader cannot tell apart", () => {
    const same = { next: "Y", howToTell: "It matters.", why: "why" };
    const nodes = wellFormed.map((node) =>
      node.id === "Q" ? { ...node, yes: same, no: { ...same, next: "N" } } : node,
    );
    expect(treeProblems(tree(nodes))).toContain('question "Q" gives Yes and No the same "how to tell"');
  });

  it("reports a step whose 'not needed when' is blank", () => {
    const nodes = wellFormed.map((node) => (node.kind === "step" ? { ...node, notNeededWhen: " " } : node));
    expect(treeProblems(tree(nodes)).some((problem) => problem.includes('empty "not needed when"'))).toBe(true);
  });

  it("reports a question whose answers lead to the same node", () => {
    const nodes = wellFormed.map((node) => (node.id === "Q" ? { ...node, no: answer("Y") } : node));
    expect(treeProblems(tree(nodes))).toContain('question "Q" sends Yes and No to the same node');
  });
});
