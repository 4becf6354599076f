import type { DecisionTree } from "../tree.ts";

const page = "distributed-systems/microservices";

/** "Which resilience policies does this outgoing call need?": one question per policy, a timeout always. */
export const resiliencePoliciesTree: DecisionTree = {
  id: "resilience-policies",
  title: "Which resilience policies does this outgoing call need?",
  shortTitle: "Resilience policies",
  description:
    "For one call from your service to another: a timeout and a deadline always, then four questions. Is the call safe to repeat (retries), can the dependency be down for long (a circuit breaker), does the call share a pool with other work (a bulkhead), and is a degraded answer acceptable (a fallback, or else a fast 503 with Retry-After).",
  start: "S",
  nodes: [
    { kind: "start", id: "S", label: "An outgoing call to another service", link: { page }, next: "TO" },
    {
      kind: "step",
      id: "TO",
      label: "Timeout and deadline",
      link: { page, section: "timeouts-and-deadlines" },
      next: "Q1",
      summary:
        "Give every try a timeout just above the dependency's healthy worst case, give the whole call a deadline, and pass the time left downstream.",
      example: "resilience",
    },
    {
      kind: "question",
      id: "Q1",
      label: "Safe to repeat: idempotent, or sent with an idempotency key?",
      link: { page, section: "retries" },
      yes: {
        next: "RT",
        howToTell:
          "It is a read, or a write the other side deduplicates by a key you send, like a charge keyed by the order id.",
        why: "Repeating it cannot do the work twice, so a brief failure can be retried instead of reaching the user.",
      },
      no: {
        next: "Q2",
        howToTell: "It creates or changes something, and sending it twice could do it twice.",
        why: "After a timeout you cannot know whether the first try happened; fail and let a person or a saga decide.",
      },
    },
    {
      kind: "step",
      id: "RT",
      label: "Retries with full jitter and a budget",
      link: { page, section: "retries" },
      next: "Q2",
      summary:
        "Retry transient failures two times at most, with exponential backoff and full jitter, under a retry budget, at this layer only.",
      example: "resilience",
    },
    {
      kind: "question",
      id: "Q2",
      label: "Can the dependency be down or slow for a long time?",
      link: { page, section: "circuit-breaker" },
      yes: {
        next: "CB",
        howToTell:
          "It is another team's service, a vendor's API, or anything whose outages last minutes rather than a single request.",
        why: "Calling a dependency that is down only burns your time and its recovery; a breaker stops calling for a while.",
      },
      no: {
        next: "Q3",
        howToTell: "It runs beside you and fails only briefly, such as a sidecar on the same host.",
        why: "A timeout and, where allowed, a retry already cover failures this short.",
      },
    },
    {
      kind: "step",
      id: "CB",
      label: "Circuit breaker",
      link: { page, section: "circuit-breaker" },
      next: "Q3",
      summary:
        "One breaker per dependency, counting only timeouts, network errors, 5xx and 429, open for a cooldown, then a half-open trial call.",
      example: "resilience",
    },
    {
      kind: "question",
      id: "Q3",
      label: "Does the call share workers or connections with other work?",
      link: { page, section: "bulkheads-and-load-shedding" },
      yes: {
        next: "BH",
        howToTell:
          "The same process serves requests that never touch this dependency, from the same event loop, threads or pool.",
        why: "Without a limit, one slow dependency holds every worker and takes the unrelated pages down too.",
      },
      no: {
        next: "Q4",
        howToTell: "The call runs on workers of its own, such as a dedicated queue consumer.",
        why: "Its slowness can only hold resources that nothing else needs.",
      },
    },
    {
      kind: "step",
      id: "BH",
      label: "Bulkhead with load shedding",
      link: { page, section: "bulkheads-and-load-shedding" },
      next: "Q4",
      summary: "Limit concurrent calls to this dependency, keep the queue short, and shed the rest at once with 503.",
      example: "resilience",
    },
    {
      kind: "question",
      id: "Q4",
      label: "Is a degraded answer acceptable when the call fails?",
      link: { page, section: "fallbacks" },
      yes: {
        next: "FB",
        howToTell: "A cached or partial answer is still useful, like a product page without recommendations.",
        why: "The user gets something useful now, and the failure stays invisible or clearly marked.",
      },
      no: {
        next: "F503",
        howToTell: "Only the real answer will do, like a payment: it cannot be guessed or served stale.",
        why: "Saying so at once, with when to come back, is better than a slow failure or a wrong answer.",
      },
    },
    {
      kind: "step",
      id: "FB",
      label: "Fallback: cached value or degraded answer",
      link: { page, section: "fallbacks" },
      summary: "Serve the last known value or a reduced answer while the dependency fails, and mark it as such.",
      example: "resilience",
    },
    {
      kind: "step",
      id: "F503",
      label: "Fast 503 with Retry-After",
      link: { page, section: "fallbacks" },
      summary:
        "Answer service-unavailable at once, store nothing, and set Retry-After to when the breaker will try again.",
      example: "resilience",
    },
  ],
  sources: [
    {
      title: "Timeouts, retries, and backoff with jitter",
      author: "Marc Brooker, Amazon Builders' Library",
      url: "https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/",
      usedFor:
        "Timeouts on every call, retries only when safe, exponential backoff with jitter, and retrying at one layer.",
    },
    {
      title: "Handling Overload",
      author: "Alejandro Forero Cuervo, Site Reliability Engineering (O'Reilly)",
      year: 2016,
      url: "https://sre.google/sre-book/handling-overload/",
      usedFor: "Retry budgets per client and shedding load early instead of queueing it.",
    },
    {
      title: "Addressing Cascading Failures",
      author: "Mike Ulrich, Site Reliability Engineering (O'Reilly)",
      year: 2016,
      url: "https://sre.google/sre-book/addressing-cascading-failures/",
      usedFor: "Deadlines and their propagation, and how retries and full queues turn one failure into many.",
    },
    {
      title: "CircuitBreaker",
      author: "Martin Fowler",
      year: 2014,
      url: "https://martinfowler.com/bliki/CircuitBreaker.html",
      usedFor: "The closed, open and half-open states, and which failures should trip a breaker.",
    },
    {
      title: "Release It! Design and Deploy Production-Ready Software, 2nd edition",
      author: "Michael T. Nygard",
      year: 2018,
      url: "https://pragprog.com/titles/mnee2/release-it-second-edition/",
      usedFor: "Timeouts, circuit breakers, bulkheads, fail fast and shed load as stability patterns.",
    },
  ],
};
