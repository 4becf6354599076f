import { existsSync } from "node:fs";
import { join } from "node:path";

/** One sidebar group as the guide plans it: a label and its page slugs in reading order. */
export interface PlannedGroup {
  readonly label: string;
  readonly slugs: readonly string[];
}

/** The guide's reading order. Pages not written yet are listed here but never shown. */
export const plannedSidebar: readonly PlannedGroup[] = [
  { label: "Start here", slugs: ["start-here/overview", "start-here/decision-navigator"] },
  {
    label: "Foundations",
    slugs: [
      "foundations/project-structure",
      "foundations/architecture-patterns",
      "foundations/use-cases",
      "foundations/domain-driven-design",
      "foundations/entities-and-value-objects",
      "foundations/domain-events-and-services",
      "foundations/error-handling",
      "foundations/errors-over-http",
      "foundations/code-style",
    ],
  },
  {
    label: "Interfaces & data",
    slugs: [
      "interfaces-data/api-design",
      "interfaces-data/pagination",
      "interfaces-data/idempotency",
      "interfaces-data/database-patterns",
      "interfaces-data/caching",
      "interfaces-data/caching/strategies",
      "interfaces-data/caching/invalidation",
      "interfaces-data/caching/stampedes",
    ],
  },
  {
    label: "Distributed systems",
    slugs: [
      "distributed-systems/events-and-sagas",
      "distributed-systems/events-and-sagas/brokers",
      "distributed-systems/events-and-sagas/sagas",
      "distributed-systems/microservices",
    ],
  },
  {
    label: "Quality",
    slugs: [
      "quality/testing",
      "quality/testing/integration",
      "quality/testing/test-data",
      "quality/testing/flaky-and-mutation",
    ],
  },
  {
    label: "Operations",
    slugs: [
      "operations/security",
      "operations/security/passwords",
      "operations/security/tokens",
      "operations/security/authorization",
      "operations/security/input-and-abuse",
      "operations/observability",
      "operations/observability/metrics",
      "operations/observability/tracing",
      "operations/observability/slos-and-alerting",
      "operations/deployment",
      "operations/production-readiness",
    ],
  },
  { label: "Reference", slugs: ["reference/examples", "reference/problems", "reference/events"] },
];

/** Starlight sidebar config holding only pages that exist, so no link leads to a missing page. */
export function sidebarFromExistingPages(docsDir: string, groups: readonly PlannedGroup[] = plannedSidebar) {
  const pageExists = (slug: string) =>
    existsSync(join(docsDir, `${slug}.mdx`)) || existsSync(join(docsDir, `${slug}.md`));
  return groups
    .map((group) => ({ label: group.label, items: group.slugs.filter(pageExists) }))
    .filter((group) => group.items.length > 0);
}
