/**
 * The seed's production-readiness checklist (observability, security, testing, resilience), in the guide's own words
 * and split into items a reviewer can tick. A seed item is shown only while no topic page covers it: it is covered
 * when an item of one of its `coveredBy` pages' checklists mentions one of its `coveredWhen` phrases. Until then it is
 * listed in that page's area (or, if the page is not written yet, an area of that name) and links to the closest
 * section that exists today.
 */

/** Where a seed item links while no page covers it: a page slug and, optionally, a heading's anchor on it. */
export interface SeedLink {
  readonly page: string;
  readonly section?: string;
}

export interface SeedItem {
  /** One line of inline Markdown, written like a page's checklist item (bold lead = must-have). */
  readonly markdown: string;
  /** The area's title while the page that will cover it does not exist. */
  readonly area: string;
  /** The pages expected to cover it, first one first. */
  readonly coveredBy: readonly string[];
  /** Lower-case phrases; one of them in an item of a `coveredBy` page's checklist covers this seed item. */
  readonly coveredWhen: readonly string[];
  /** The closest section that exists today. */
  readonly closest: SeedLink;
}

const readinessMap: SeedLink = { page: "start-here/overview", section: "before-production-a-readiness-map" };

/** Every item of the seed's checklist is a must-have: the seed lists what to verify before deploying. */
export const seedItems: readonly SeedItem[] = [
  {
    markdown: "**Logs are structured**, and every line carries the request id.",
    area: "Observability",
    coveredBy: ["operations/observability"],
    coveredWhen: ["log"],
    closest: { page: "foundations/error-handling", section: "logging-with-request-ids" },
  },
  {
    markdown: "**Request rate, errors and latency are measured** per route, and alerts fire on what users feel.",
    area: "Observability",
    coveredBy: ["operations/observability"],
    coveredWhen: ["metric"],
    closest: readinessMap,
  },
  {
    markdown: "**Traces follow a request** across services and into the database and cache.",
    area: "Observability",
    coveredBy: ["operations/observability"],
    coveredWhen: ["trace", "tracing"],
    closest: readinessMap,
  },
  {
    markdown: "**Every route checks who the caller is** and what they may do.",
    area: "Security",
    coveredBy: ["operations/security"],
    coveredWhen: ["authentication", "authorization", "authoriz", "authentic"],
    closest: { page: "interfaces-data/api-design", section: "ownership-403-or-404" },
  },
  {
    markdown: "**Input is validated at the edge** by schemas that refuse unknown fields; queries are parameterized.",
    area: "Security",
    coveredBy: ["operations/security"],
    coveredWhen: ["validat"],
    closest: { page: "interfaces-data/api-design", section: "create-and-update-schemas" },
  },
  {
    markdown: "**Public endpoints are rate limited**, answering `429` with `Retry-After`.",
    area: "Security",
    coveredBy: ["operations/security"],
    coveredWhen: ["rate limit", "rate-limit"],
    closest: readinessMap,
  },
  {
    markdown: "**Unit, integration and end-to-end tests pass** in CI before every deploy.",
    area: "Testing",
    coveredBy: ["quality/testing"],
    coveredWhen: ["end-to-end", "e2e", "integration test"],
    closest: { page: "foundations/architecture-patterns", section: "fakes-and-one-contract-for-both-adapters" },
  },
  {
    markdown: "**Every outgoing call has a timeout**, and retries and circuit breakers guard each dependency.",
    area: "Resilience",
    coveredBy: ["distributed-systems/microservices"],
    coveredWhen: ["circuit breaker"],
    closest: { page: "distributed-systems/microservices", section: "circuit-breaker" },
  },
  {
    markdown:
      "**The service shuts down gracefully**: on `SIGTERM` it stops taking requests, finishes those in flight and exits in time.",
    area: "Deployment",
    coveredBy: ["operations/deployment"],
    coveredWhen: ["shutdown", "shuts down", "sigterm"],
    closest: readinessMap,
  },
];
