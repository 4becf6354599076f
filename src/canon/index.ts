/**
 * The canon: the one shop model and contract that every page and every example is checked against.
 * Import from here only; the modules behind it may be split or merged.
 */
import { errorClasses, type ErrorClass } from "./errors.ts";
import { integrationEvents, type IntegrationEventContract } from "./events.ts";
import { problemTypes, problemTypeUri, type ProblemType } from "./problem-types.ts";
import { rules, type Rule } from "./rules.ts";

export { SITE_URL, PROBLEMS_PAGE_PATH, PROBLEM_TYPE_BASE, EXAMPLE_NAMES, type ExampleName } from "./site.ts";
export { problemTypes, problemTypeUri, type ProblemType } from "./problem-types.ts";
export { rules, type Rule, type RuleProblemSlug } from "./rules.ts";
export { statusPolicy, type StatusPolicyEntry } from "./policy.ts";
export { errorClasses, type ErrorClass, type ErrorLayer } from "./errors.ts";
export {
  EVENT_SCHEMA_BASE,
  integrationEvents,
  schemaFileName,
  wireFormat,
  type IntegrationEventContract,
  type JsonSchema,
} from "./events.ts";
export {
  shopModel,
  modelDecisions,
  modelLimits,
  tierDiscountPercent,
  type MethodSignature,
  type ModelDecision,
  type ModelElement,
  type ModelKind,
} from "./model.ts";

/** The rule with this id, or undefined when the catalog has none. */
export function findRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}

/** The problem type with this slug, or undefined. */
export function findProblemType(slug: string): ProblemType | undefined {
  return problemTypes.find((problem) => problem.slug === slug);
}

/** The error class with this name, or undefined. */
export function findErrorClass(name: string): ErrorClass | undefined {
  return errorClasses.find((error) => error.name === name);
}

/** The integration event with this type and version, or undefined. */
export function findIntegrationEvent(type: string, version = 1): IntegrationEventContract | undefined {
  return integrationEvents.find((event) => event.type === type && event.version === version);
}

/** The slug of a problem `type` URI when it points at the reference page, else undefined. */
export function problemSlugOf(typeUri: string): string | undefined {
  const base = problemTypeUri("");
  return typeUri.startsWith(base) ? typeUri.slice(base.length) : undefined;
}
