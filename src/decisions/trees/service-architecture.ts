import type { DecisionTree } from "../tree.ts";

const structure = "foundations/project-structure";

/** "Monolith, modular monolith or microservices?": how a backend should be split into deployables. */
export const serviceArchitectureTree: DecisionTree = {
  id: "service-architecture",
  title: "Monolith, modular monolith or microservices?",
  shortTitle: "Monolith or microservices",
  description:
    "How many deployable units a backend should have. Three questions, about how settled the domain boundaries are, whether parts must deploy or scale on their own, and whether the team can operate a distributed system, lead to a monolith, a modular monolith or microservices.",
  start: "S",
  nodes: [
    { kind: "start", id: "S", label: "Shaping a backend", link: { page: structure }, next: "Q1" },
    {
      kind: "question",
      id: "Q1",
      label: "Are the domain's boundaries clear?",
      link: { page: structure },
      yes: {
        next: "Q2",
        howToTell: "You can name the modules and what each owns, and those lines have not moved for months.",
        why: "Settled boundaries are what any split, inside one process or across services, has to follow.",
      },
      no: {
        next: "MONO",
        howToTell: "The product is new or changing direction, and where one area ends and the next begins still moves.",
        why: "A boundary drawn in the wrong place is cheap to move inside one codebase and expensive to move between services.",
      },
    },
    {
      kind: "step",
      id: "MONO",
      label: "Monolith",
      link: { page: structure },
      summary:
        "Ship one deployable, organised by feature with layers inside, and come back to this question as boundaries settle.",
      example: "layered-service",
    },
    {
      kind: "question",
      id: "Q2",
      label: "Must parts deploy or scale on their own?",
      link: { page: structure },
      yes: {
        next: "Q3",
        howToTell:
          "Teams wait on each other's releases, or one part needs very different scaling, uptime or technology.",
        why: "Independent deployment is the main thing separate services buy; the question is whether you can pay for it.",
      },
      no: {
        next: "MM",
        howToTell: "The teams can release together, and the system scales well enough as one unit.",
        why: "Modules with enforced boundaries give most of the design benefit without a network between them.",
      },
    },
    {
      kind: "question",
      id: "Q3",
      label: "Ready to run a distributed system?",
      // "Deploys are automated" is the deployment page's pipeline and rollout.
      link: { page: "operations/deployment", section: "cicd-build-once-promote-the-same-artefact" },
      yes: {
        next: "MS",
        howToTell:
          "Deploys are automated, every service can be monitored and traced, and teams can be on call for what they own.",
        why: "With these prerequisites in place, the extra cost of many services is one the organisation can carry.",
      },
      no: {
        next: "MM",
        howToTell: "Releases involve manual steps, or there is no central logging, metrics and tracing yet.",
        why: "Without automation and observability, more services mean more failures nobody sees; build those first.",
      },
    },
    {
      kind: "step",
      id: "MM",
      label: "Modular monolith",
      link: { page: structure },
      summary:
        "Keep one deployable, split into modules that own their data and call each other only through public interfaces.",
    },
    {
      kind: "step",
      id: "MS",
      label: "Microservices",
      link: { page: structure },
      next: "EX",
      summary: "Run services that each own their data, cut along the module boundaries you already trust.",
    },
    {
      kind: "step",
      id: "EX",
      label: "Extract one service at a time",
      link: { page: structure },
      next: "EV",
      summary: "Move one module out behind its existing interface, route its calls to the new service, and repeat.",
    },
    {
      kind: "step",
      id: "EV",
      label: "Coordinate with events and sagas",
      link: { page: "distributed-systems/events-and-sagas" },
      summary: "Replace transactions that crossed modules with events and sagas, since services share no database.",
    },
  ],
  sources: [
    {
      title: "MonolithFirst",
      author: "Martin Fowler",
      year: 2015,
      url: "https://martinfowler.com/bliki/MonolithFirst.html",
      usedFor:
        "Starting with a monolith until the boundaries are known, because moving them between services is costly.",
    },
    {
      title: "Microservices: a definition of this new architectural term",
      author: "James Lewis and Martin Fowler",
      year: 2014,
      url: "https://martinfowler.com/articles/microservices.html",
      usedFor: "Independent deployment and decentralised data as what defines microservices.",
    },
    {
      title: "MicroservicePrerequisites",
      author: "Martin Fowler",
      year: 2014,
      url: "https://martinfowler.com/bliki/MicroservicePrerequisites.html",
      usedFor:
        "Rapid provisioning, basic monitoring and rapid deployment as the baseline before running microservices.",
    },
    {
      title: "Monolith to Microservices",
      author: "Sam Newman",
      year: 2019,
      url: "https://samnewman.io/books/monolith-to-microservices/",
      usedFor: "The modular monolith as a destination in its own right, and extracting services one at a time.",
    },
    {
      title: "Deconstructing the Monolith",
      author: "Kirsten Westeinde, Shopify Engineering",
      year: 2019,
      url: "https://shopify.engineering/deconstructing-monolith-designing-software-maximizes-developer-productivity",
      usedFor: "A large team choosing a modular monolith with enforced component boundaries over microservices.",
    },
    {
      title: "StranglerFigApplication",
      author: "Martin Fowler",
      year: 2004,
      url: "https://martinfowler.com/bliki/StranglerFigApplication.html",
      usedFor: "Replacing a system gradually by moving one piece at a time behind a stable interface.",
    },
  ],
};
