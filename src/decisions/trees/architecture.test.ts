import { describe, expect, it } from "vitest";
import { architectureTree } from "./architecture.ts";
import { successorsOf } from "../tree.ts";
import { walk } from "../walk.ts";

// The guide's flowchart (source skill, "Architecture Decision Flowchart"): labels, shapes and labelled edges.
const guideNodes: Record<string, string> = {
  A: "New Feature",
  B: "Complex domain logic?",
  C: "Use Domain-Driven Design",
  D: "Multiple data sources?",
  E: "Define Entities & Value Objects",
  F: "Create Repository Interfaces",
  G: "Implement Use Cases",
  H: "Use Repository Pattern",
  I: "Transaction across aggregates?",
  J: "Use Unit of Work",
  K: "Direct repository calls",
  L: "Cross-service operation?",
  M: "Use Saga Pattern",
  N: "Single transaction",
  O: "Publish Domain Events",
  P: "Needs real-time updates?",
  Q: "Event-Driven Architecture",
  R: "Request-Response",
};
const guideQuestions = ["B", "D", "I", "L", "P"];
const guideEdges = [
  "A->B",
  "B-Yes->C",
  "B-No->D",
  "C->E",
  "E->F",
  "F->G",
  "D-Yes->H",
  "D-No->I",
  "H->G",
  "I-Yes->J",
  "I-No->K",
  "J->G",
  "K->G",
  "G->L",
  "L-Yes->M",
  "L-No->N",
  "M->O",
  "N->O",
  "O->P",
  "P-Yes->Q",
  "P-No->R",
];

describe("the architecture tree", () => {
  it("has exactly the guide's nodes A to R with the guide's labels", () => {
    const labels = Object.fromEntries(architectureTree.nodes.map((node) => [node.id, node.label]));
    expect(labels).toEqual(guideNodes);
  });

  it("asks exactly the guide's questions", () => {
    const questions = architectureTree.nodes.filter((node) => node.kind === "question").map((node) => node.id);
    expect(questions.sort()).toEqual(guideQuestions);
  });

  it("has exactly the guide's edges and answer labels", () => {
    const edges = architectureTree.nodes.flatMap((node) =>
      node.kind === "question"
        ? [`${node.id}-Yes->${node.yes.next}`, `${node.id}-No->${node.no.next}`]
        : successorsOf(node).map((next) => `${node.id}->${next}`),
    );
    expect(edges.sort()).toEqual([...guideEdges].sort());
  });
});

describe("the architecture tree's outcome and answers", () => {
  const byId = (id: string) => architectureTree.nodes.find((node) => node.id === id);

  it("says in the outcome of a plain CRUD path that events are not needed", () => {
    // Complex domain logic? No; data sources? one; transaction across aggregates? No; cross-service? No; real-time? No.
    const crud = walk(architectureTree, "nnnnn");
    const events = crud.steps.find((step) => step.id === "O");
    expect(events?.label).toBe("Publish Domain Events");
    expect(events?.notNeededWhen).toMatch(/CRUD/);
    expect(events?.notNeededWhen).toMatch(/skip this step/);
  });

  it("gives the real-time question a Yes and a No that a reader can test a feature against", () => {
    const realTime = byId("P");
    if (realTime?.kind !== "question") throw new Error("P is the real-time question");
    // Yes: someone besides the caller must hear of the change soon and unasked. No: only the caller needs it now.
    expect(realTime.yes.howToTell).toMatch(/other than the caller/);
    expect(realTime.yes.howToTell).toMatch(/within seconds/);
    expect(realTime.no.howToTell).toMatch(/Only the caller/);
    expect(realTime.no.howToTell).toMatch(/later/);
    // The old texts contradicted each other: "as soon as something happens" versus "on their own time".
    expect(`${realTime.yes.howToTell} ${realTime.yes.why}`).not.toMatch(/own time/);
  });
});
