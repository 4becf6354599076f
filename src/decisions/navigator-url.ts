import { decisionTrees } from "./trees/index.ts";
import type { DecisionTree } from "./tree.ts";
import { walk, type Walk } from "./walk.ts";

/** The navigator state a URL describes, plus what in the URL could not be used and why. */
export interface NavigatorLocation {
  readonly tree: DecisionTree;
  /** The usable answers, one `y`/`n` per answered question. */
  readonly answers: string;
  readonly walk: Walk;
  /** Plain-language notes about parts of the URL that were ignored; empty when all of it was used. */
  readonly notices: readonly string[];
}

/** Reads `?tree=<id>&a=<answers>`; an unknown tree falls back to the first, unusable answers are dropped with a notice. */
export function readLocation(search: string, trees: readonly DecisionTree[] = decisionTrees): NavigatorLocation {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const requested = params.get("tree");
  const fallback = trees[0];
  if (!fallback) throw new Error("The navigator needs at least one decision tree.");
  let tree = fallback;
  if (requested !== null) {
    const found = trees.find((candidate) => candidate.id === requested);
    if (found) tree = found;
    else notices.push(`There is no decision tree called “${requested}”, so this is “${fallback.title}”.`);
  }
  const raw = (params.get("a") ?? "").toLowerCase();
  const result = walk(tree, raw);
  const answers = result.answered.map((step) => step.answer).join("");
  if (result.ignored !== "") {
    notices.push(
      result.current === undefined
        ? `The link had ${result.ignored.length} more answer(s) than this path has questions; they were left out.`
        : `The link's answers stop making sense at question ${answers.length + 1} (only y and n are understood), so you are back at that question.`,
    );
  }
  return { tree, answers, walk: result, notices };
}

/** The query string for a tree and its answers, e.g. `?tree=architecture&a=yny`. */
export function locationSearch(treeId: string, answers: string): string {
  const params = new URLSearchParams({ tree: treeId });
  if (answers !== "") params.set("a", answers);
  return `?${params.toString()}`;
}
