/** A place in the guide: a docs page slug (e.g. "foundations/architecture-patterns") and an optional section id. */
export interface GuideLink {
  readonly page: string;
  readonly section?: string;
}

/** A published work the tree's content rests on, shown on the navigator page as further reading. */
export interface Source {
  readonly title: string;
  readonly author: string;
  /** Year of publication; omitted for living documents that are revised in place. */
  readonly year?: number;
  readonly url: string;
  /** What the tree takes from this source, in one sentence. */
  readonly usedFor: string;
}

/** One way out of a question. */
export interface Answer {
  /** Id of the node this answer leads to. */
  readonly next: string;
  /** One line that helps the reader tell whether this answer is theirs. */
  readonly howToTell: string;
  /** Why this answer leads where it does, shown once the reader has chosen it. */
  readonly why: string;
}

interface NodeBase {
  /** Short id, also the Mermaid node id (letters, digits, underscores). */
  readonly id: string;
  /** The text in the diagram box. */
  readonly label: string;
  /** The page a click on the node opens. */
  readonly link: GuideLink;
}

/** Where the reader starts. */
export interface StartNode extends NodeBase {
  readonly kind: "start";
  readonly next: string;
}

/** A yes/no question. */
export interface QuestionNode extends NodeBase {
  readonly kind: "question";
  readonly yes: Answer;
  readonly no: Answer;
}

/** Something to do: a pattern to apply or a practice to follow. Without `next` it ends the path. */
export interface StepNode extends NodeBase {
  readonly kind: "step";
  readonly next?: string;
  /** One sentence on what this step means for the feature, shown in the outcome. */
  readonly summary: string;
  /**
   * When the step is not needed even though the path passes it, shown beside the summary in the outcome (the tree
   * keeps the seed's shape, so a step every path crosses says here who may skip it).
   */
  readonly notNeededWhen?: string;
  /** Runnable example under `examples/` that shows this step, if there is one. */
  readonly example?: string;
}

/** Any node of a decision tree. */
export type DecisionNode = StartNode | QuestionNode | StepNode;

/** A decision flowchart as data: the single source for its Mermaid diagram and its interactive navigator. */
export interface DecisionTree {
  /** URL id, e.g. "architecture" in `?tree=architecture`. */
  readonly id: string;
  /** The question the whole tree answers, used as its heading. */
  readonly title: string;
  /** Short name for the tree picker. */
  readonly shortTitle: string;
  /** What the tree helps decide, in a sentence or two; also the diagram's text description. */
  readonly description: string;
  /** Id of the start node. */
  readonly start: string;
  /** Every node, in the order the diagram declares them. */
  readonly nodes: readonly DecisionNode[];
  readonly sources: readonly Source[];
}

/** The answer codes used in URLs: `y` for Yes, `n` for No. */
export type AnswerCode = "y" | "n";

/** The ids of the nodes a node points to, in diagram order. */
export function successorsOf(node: DecisionNode): string[] {
  if (node.kind === "question") return [node.yes.next, node.no.next];
  return node.next === undefined ? [] : [node.next];
}

/** Looks a node up by id; throws when the tree has none, which only a malformed tree can cause. */
export function nodeById(tree: DecisionTree, id: string): DecisionNode {
  const node = tree.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`Decision tree "${tree.id}" has no node "${id}".`);
  return node;
}

/** The id the diagram gives the edge from `from` to `to`, so the navigator can highlight it. */
export function edgeId(from: string, to: string): string {
  return `e_${from}_${to}`;
}
