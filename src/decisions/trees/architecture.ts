import type { DecisionTree } from "../tree.ts";

const patterns = "foundations/architecture-patterns";
const useCases = "foundations/use-cases";
const ddd = "foundations/domain-driven-design";
const entitiesAndValues = "foundations/entities-and-value-objects";
const events = "distributed-systems/events-and-sagas";
const brokers = "distributed-systems/events-and-sagas/brokers";
const sagas = "distributed-systems/events-and-sagas/sagas";

/** The guide's architecture decision flowchart (nodes A to R), exactly as the source skill draws it. */
export const architectureTree: DecisionTree = {
  id: "architecture",
  title: "Which patterns does this feature need?",
  shortTitle: "Patterns for a feature",
  description:
    "The guide's architecture decision flowchart. Starting from a new feature, five yes/no questions about domain logic, data sources, transactions, service boundaries and real-time needs lead to the patterns the feature should use.",
  start: "A",
  nodes: [
    { kind: "start", id: "A", label: "New Feature", link: { page: "start-here/overview" }, next: "B" },
    {
      kind: "question",
      id: "B",
      label: "Complex domain logic?",
      link: { page: ddd },
      yes: {
        next: "C",
        howToTell: "It has rules and states people argue about, e.g. an order that may not ship before it is paid.",
        why: "Rules like these change often and must be tested on their own, so they get a model of their own, free of frameworks and databases.",
      },
      no: {
        next: "D",
        howToTell: "It mostly stores and returns data, with checks a schema can express.",
        why: "A domain model would only mirror the tables; the next question is where the data comes from.",
      },
    },
    {
      kind: "step",
      id: "C",
      label: "Use Domain-Driven Design",
      link: { page: ddd },
      next: "E",
      summary: "Model the feature in the business's own words, with the rules inside the model.",
      example: "domain-model",
    },
    {
      kind: "question",
      id: "D",
      label: "Multiple data sources?",
      link: { page: patterns, section: "repository" },
      yes: {
        next: "H",
        howToTell:
          "The data lives in more than one place (a database and a partner API, say), or one store is likely to be swapped.",
        why: "One interface in front of every source keeps the use case ignorant of where data lives, and lets tests use an in-memory fake.",
      },
      no: {
        next: "I",
        howToTell: "One database holds everything the feature reads and writes.",
        why: "With one store, the question that matters is how many aggregates a single change touches.",
      },
    },
    {
      kind: "step",
      id: "E",
      label: "Define Entities & Value Objects",
      link: { page: entitiesAndValues, section: "entities" },
      next: "F",
      summary: "Give things with identity an entity, and validated, immutable values (money, email) a value object.",
      example: "domain-model",
    },
    {
      kind: "step",
      id: "F",
      label: "Create Repository Interfaces",
      link: { page: patterns, section: "repository" },
      next: "G",
      summary: "Declare one repository port per aggregate in the application layer; adapters implement it.",
      example: "repository-unit-of-work",
    },
    {
      kind: "step",
      id: "G",
      label: "Implement Use Cases",
      link: { page: useCases, section: "use-cases" },
      next: "L",
      summary: "Write one use case per operation: it loads, calls the domain, saves, and returns a DTO.",
      example: "layered-service",
    },
    {
      kind: "step",
      id: "H",
      label: "Use Repository Pattern",
      link: { page: patterns, section: "repository" },
      next: "G",
      summary: "Hide each data source behind a collection-like interface that speaks in domain objects.",
      example: "repository-unit-of-work",
    },
    {
      kind: "question",
      id: "I",
      label: "Transaction across aggregates?",
      link: { page: patterns, section: "unit-of-work" },
      yes: {
        next: "J",
        howToTell: "One request must change several aggregates or tables, and a half-done change would be wrong.",
        why: "Several repositories must commit or roll back together, which is what a unit of work coordinates.",
      },
      no: {
        next: "K",
        howToTell: "Each request changes one aggregate, or only reads.",
        why: "One aggregate per change needs no coordination: the repository's own save is the transaction.",
      },
    },
    {
      kind: "step",
      id: "J",
      label: "Use Unit of Work",
      link: { page: patterns, section: "unit-of-work" },
      next: "G",
      summary:
        "Open one unit of work per use case; its repositories share a transaction that commits once, explicitly.",
      example: "repository-unit-of-work",
    },
    {
      kind: "step",
      id: "K",
      label: "Direct repository calls",
      link: { page: patterns, section: "repository" },
      next: "G",
      summary: "Call the repository straight from the use case; no extra coordination layer.",
      example: "layered-service",
    },
    {
      kind: "question",
      id: "L",
      label: "Cross-service operation?",
      link: { page: sagas },
      yes: {
        next: "M",
        howToTell:
          "The operation changes data another service owns, such as payment or stock, so no single database transaction covers it.",
        why: "Without a shared transaction, consistency comes from a sequence of local steps, each with a compensating action if a later one fails.",
      },
      no: {
        next: "N",
        howToTell: "Everything the operation changes lives in this service's own database.",
        why: "One database can make the whole change atomic, which is simpler and stronger than any saga.",
      },
    },
    {
      kind: "step",
      id: "M",
      label: "Use Saga Pattern",
      link: { page: sagas },
      next: "O",
      summary: "Run the operation as a saga: local transactions in order, compensations in reverse when a step fails.",
    },
    {
      kind: "step",
      id: "N",
      label: "Single transaction",
      link: { page: "interfaces-data/database-patterns", section: "sessions-and-transactions" },
      next: "O",
      summary: "Commit the whole change in one database transaction.",
      example: "repository-unit-of-work",
    },
    {
      kind: "step",
      id: "O",
      label: "Publish Domain Events",
      link: { page: events, section: "domain-events" },
      next: "P",
      summary:
        "Record what happened as domain events, saved in the same transaction as the change (a transactional outbox) so none is lost.",
      notNeededWhen:
        "Plain CRUD that nothing else reacts to needs no events: if no other aggregate, service, read model or notification has to learn of the change, skip this step and add events when the first consumer appears.",
    },
    {
      kind: "question",
      id: "P",
      label: "Needs real-time updates?",
      link: { page: brokers, section: "event-driven-architecture" },
      yes: {
        next: "Q",
        howToTell:
          "Someone other than the caller must learn of the change within seconds, without asking for it: a notification to send, a read model or another service to update.",
        why: "A broker pushes each event to its subscribers as soon as it is published, and the producer answers its caller without waiting for them or knowing who they are.",
      },
      no: {
        next: "R",
        howToTell:
          "Only the caller needs the result, in the response; anyone else can find out later by asking (a query, a report, a nightly job).",
        why: "A plain call and response is easier to follow, test and debug; the recorded events can still be read later, in batches.",
      },
    },
    {
      kind: "step",
      id: "Q",
      label: "Event-Driven Architecture",
      link: { page: brokers, section: "event-driven-architecture" },
      summary: "Deliver the events through a broker to subscribers that are idempotent and retry safely.",
    },
    {
      kind: "step",
      id: "R",
      label: "Request-Response",
      link: { page: "interfaces-data/api-design" },
      summary:
        "Answer callers synchronously over an HTTP API with clear statuses, safe retries and a generated contract; keep events for the record and for consumers that can wait.",
      example: "api-design",
    },
  ],
  sources: [
    {
      title: "Domain-Driven Design: Tackling Complexity in the Heart of Software",
      author: "Eric Evans",
      year: 2003,
      url: "https://www.domainlanguage.com/ddd/",
      usedFor: "Entities, value objects, aggregates and repositories as the tools for complex domain logic.",
    },
    {
      title: "Patterns of Enterprise Application Architecture: Repository and Unit of Work",
      author: "Martin Fowler",
      year: 2002,
      url: "https://martinfowler.com/eaaCatalog/",
      usedFor:
        "The repository as a collection-like boundary and the unit of work as the keeper of one business transaction.",
    },
    {
      title: "Effective Aggregate Design",
      author: "Vaughn Vernon",
      year: 2011,
      url: "https://www.dddcommunity.org/library/vernon_2011/",
      usedFor:
        "Changing one aggregate per transaction by default, and why crossing aggregates needs a deliberate choice.",
    },
    {
      title: "Sagas",
      author: "Hector Garcia-Molina and Kenneth Salem",
      year: 1987,
      url: "https://dl.acm.org/doi/10.1145/38713.38742",
      usedFor: "Long-lived transactions as a sequence of local steps with compensating actions.",
    },
    {
      title: "Pattern: Transactional outbox",
      author: "Chris Richardson",
      year: 2018,
      url: "https://microservices.io/patterns/data/transactional-outbox.html",
      usedFor: "Saving events in the same transaction as the change, so publishing them cannot be lost.",
    },
    {
      title: "What do you mean by “Event-Driven”?",
      author: "Martin Fowler",
      year: 2017,
      url: "https://martinfowler.com/articles/201701-event-driven.html",
      usedFor: "The kinds of event-driven systems and the cost in traceability that comes with them.",
    },
  ],
};
