import { edgeId, nodeById, type AnswerCode, type DecisionTree, type QuestionNode, type StepNode } from "./tree.ts";

/** One answered question on the reader's path. */
export interface AnsweredStep {
  readonly question: QuestionNode;
  readonly answer: AnswerCode;
}

/** Where a sequence of answers leads in a tree. */
export interface Walk {
  /** Node ids in the order visited, from the start. */
  readonly nodes: readonly string[];
  /** Edge ids (see `edgeId`) in the order taken. */
  readonly edges: readonly string[];
  readonly answered: readonly AnsweredStep[];
  /** The question waiting for an answer, or undefined when the path has ended. */
  readonly current: QuestionNode | undefined;
  /** The steps on the path so far: the patterns and practices chosen. */
  readonly steps: readonly StepNode[];
  /** Answers that could not be used: past the end of the path, or not `y`/`n`. */
  readonly ignored: string;
}

/** Follows `answers` (`y`/`n` per question, in order) from the tree's start as far as they go. */
export function walk(tree: DecisionTree, answers: string): Walk {
  const nodes: string[] = [];
  const edges: string[] = [];
  const answered: AnsweredStep[] = [];
  const steps: StepNode[] = [];
  let id: string | undefined = tree.start;
  let used = 0;
  while (id !== undefined) {
    const node = nodeById(tree, id);
    nodes.push(node.id);
    let next: string | undefined;
    if (node.kind === "question") {
      const answer = answers[used];
      if (answer !== "y" && answer !== "n") {
        return { nodes, edges, answered, current: node, steps, ignored: answers.slice(used) };
      }
      used += 1;
      answered.push({ question: node, answer });
      next = answer === "y" ? node.yes.next : node.no.next;
    } else {
      if (node.kind === "step") steps.push(node);
      next = node.next;
    }
    if (next !== undefined) edges.push(edgeId(node.id, next));
    id = next;
  }
  return { nodes, edges, answered, current: undefined, steps, ignored: answers.slice(used) };
}
