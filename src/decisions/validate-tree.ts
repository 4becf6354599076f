import { successorsOf, type DecisionTree } from "./tree.ts";

/** Ids Mermaid's flowchart grammar can take as node ids without quoting or clashing with keywords. */
const nodeIdPattern = /^[A-Za-z][A-Za-z0-9_]*$/;
const mermaidKeywords = new Set([
  "end",
  "subgraph",
  "graph",
  "flowchart",
  "click",
  "class",
  "classDef",
  "style",
  "linkStyle",
  "direction",
]);

/**
 * The ways a tree can be malformed: duplicate or unusable ids, not exactly one start, dangling or
 * missing answers, unreachable nodes, cycles. Returns one message per problem; empty means well formed.
 */
export function treeProblems(tree: DecisionTree): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const node of tree.nodes) {
    if (ids.has(node.id)) problems.push(`node id "${node.id}" is used twice`);
    ids.add(node.id);
    if (!nodeIdPattern.test(node.id) || mermaidKeywords.has(node.id)) {
      problems.push(
        `node id "${node.id}" must be letters, digits or underscores, start with a letter, and not be a Mermaid keyword`,
      );
    }
    if (node.label.trim() === "") problems.push(`node "${node.id}" has an empty label`);
    if (node.link.page.trim() === "") problems.push(`node "${node.id}" links to no page`);
    if (node.kind === "step" && node.notNeededWhen?.trim() === "") {
      problems.push(`step "${node.id}" has an empty "not needed when"`);
    }
  }

  const starts = tree.nodes.filter((node) => node.kind === "start");
  if (starts.length !== 1) problems.push(`a tree needs exactly one start node, found ${starts.length}`);
  if (starts[0] && starts[0].id !== tree.start)
    problems.push(`tree.start is "${tree.start}" but the start node is "${starts[0].id}"`);

  for (const node of tree.nodes) {
    for (const next of successorsOf(node)) {
      if (!ids.has(next)) problems.push(`node "${node.id}" points to missing node "${next}"`);
      if (next === tree.start) problems.push(`node "${node.id}" points back to the start node`);
    }
    if (node.kind === "question") {
      if (node.yes.next === node.no.next) problems.push(`question "${node.id}" sends Yes and No to the same node`);
      if (node.yes.howToTell.trim() === node.no.howToTell.trim() && node.yes.howToTell.trim() !== "") {
        problems.push(`question "${node.id}" gives Yes and No the same "how to tell"`);
      }
      for (const [name, answer] of [
        ["Yes", node.yes],
        ["No", node.no],
      ] as const) {
        if (answer.howToTell.trim() === "") problems.push(`question "${node.id}" has no "how to tell" for ${name}`);
        if (answer.why.trim() === "") problems.push(`question "${node.id}" has no "why" for ${name}`);
      }
    }
  }
  if (problems.length > 0) return problems;

  const reachable = reachableFrom(tree, tree.start);
  for (const node of tree.nodes) {
    if (!reachable.has(node.id)) problems.push(`node "${node.id}" cannot be reached from the start`);
  }
  const cycle = findCycle(tree);
  if (cycle) problems.push(`the tree has a cycle: ${cycle.join(" → ")}`);
  return problems;
}

function reachableFrom(tree: DecisionTree, start: string): Set<string> {
  const byId = new Map(tree.nodes.map((node) => [node.id, node]));
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const node = byId.get(id);
    if (seen.has(id) || !node) continue;
    seen.add(id);
    stack.push(...successorsOf(node));
  }
  return seen;
}

function findCycle(tree: DecisionTree): string[] | undefined {
  const byId = new Map(tree.nodes.map((node) => [node.id, node]));
  const done = new Set<string>();
  const visit = (id: string, trail: string[]): string[] | undefined => {
    if (trail.includes(id)) return [...trail.slice(trail.indexOf(id)), id];
    if (done.has(id)) return undefined;
    const node = byId.get(id);
    for (const next of node ? successorsOf(node) : []) {
      const cycle = visit(next, [...trail, id]);
      if (cycle) return cycle;
    }
    done.add(id);
    return undefined;
  };
  return visit(tree.start, []);
}
