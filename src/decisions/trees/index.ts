import type { DecisionTree } from "../tree.ts";
import { architectureTree } from "./architecture.ts";
import { cachingStrategyTree } from "./caching-strategy.ts";
import { resiliencePoliciesTree } from "./resilience-policies.ts";
import { serviceArchitectureTree } from "./service-architecture.ts";

/** Every decision tree the navigator offers, in the order the picker shows them; the first is the default. */
export const decisionTrees: readonly DecisionTree[] = [
  architectureTree,
  cachingStrategyTree,
  serviceArchitectureTree,
  resiliencePoliciesTree,
];

/** The tree with this URL id, or undefined. */
export function findTree(id: string): DecisionTree | undefined {
  return decisionTrees.find((tree) => tree.id === id);
}
