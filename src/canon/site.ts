/**
 * The guide's public origin: the `site` in astro.config.mjs. Problem `type` URIs are built on it so that
 * every `type` an example emits leads to a page a person can read (RFC 9457, section 3.1.1).
 */
export const SITE_URL = "https://backend-field-guide.dev";

/** Path of the generated reference page listing every problem type and rule. */
export const PROBLEMS_PAGE_PATH = "/reference/problems/";

/** What every problem `type` URI starts with; the problem's slug follows as the fragment. */
export const PROBLEM_TYPE_BASE = `${SITE_URL}${PROBLEMS_PAGE_PATH}#`;

/** The runnable examples under `examples/`, by folder name. */
export const EXAMPLE_NAMES = [
  "layered-service",
  "domain-model",
  "repository-unit-of-work",
  "cache-aside",
  "error-handling",
  "outbox-and-saga",
  "resilience",
  "database-patterns",
  "api-design",
  "observability",
] as const;

/** One of the runnable examples, by folder name. */
export type ExampleName = (typeof EXAMPLE_NAMES)[number];
