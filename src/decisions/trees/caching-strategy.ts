import type { DecisionTree } from "../tree.ts";

const caching = "interfaces-data/caching";
const strategies = "interfaces-data/caching/strategies";
const invalidation = "interfaces-data/caching/invalidation";

/** "Which caching strategy?": whether to cache, how reads fill the cache, and how writes keep it right. */
export const cachingStrategyTree: DecisionTree = {
  id: "caching-strategy",
  title: "Which caching strategy?",
  shortTitle: "Caching strategy",
  description:
    "Whether a read path should be cached at all, then how misses are loaded (cache-aside or read-through), how writes keep the cache right (write-through, write-behind or invalidation) and when a TTL alone has to do.",
  start: "S",
  nodes: [
    { kind: "start", id: "S", label: "Slow or costly reads", link: { page: caching }, next: "Q1" },
    {
      kind: "question",
      id: "Q1",
      label: "Read far more often than written?",
      link: { page: caching, section: "when-not-to-cache" },
      yes: {
        next: "Q2",
        howToTell: "The same keys are read many times between two writes, like a product page or a price list.",
        why: "With many reads per write, most reads can be served from the cache, and each hit saves a trip to the source.",
      },
      no: {
        next: "NC",
        howToTell: "Data changes about as often as it is read, or nearly every read asks for something different.",
        why: "Most reads would miss and the cache would be one more copy to keep right; make the source faster instead.",
      },
    },
    {
      kind: "question",
      id: "Q2",
      label: "Can readers accept slightly stale data?",
      link: { page: invalidation, section: "ttl-and-invalidation" },
      yes: {
        next: "Q3",
        howToTell:
          "Showing a value a few seconds or minutes old harms nobody, e.g. a product description or a review count.",
        why: "Every cache serves a copy, so some staleness is the price of its speed; here the price is affordable.",
      },
      no: {
        next: "NC",
        howToTell:
          "A stale read leads to a wrong decision, e.g. an account balance or the final stock check before payment.",
        why: "Reads that must be exact belong with the source of truth; a cache would trade correctness for speed.",
      },
    },
    {
      kind: "question",
      id: "Q3",
      label: "Does the cache load misses itself?",
      link: { page: strategies, section: "read-through" },
      yes: {
        next: "RT",
        howToTell: "Your cache library or layer accepts a loader function and fills itself on a miss.",
        why: "The loading code lives in one place, and concurrent misses for one key can share a single load.",
      },
      no: {
        next: "CA",
        howToTell: "Your cache is a plain key-value store, such as Redis or Memcached, that only gets and sets.",
        why: "The application has to do the loading, which is cache-aside: the most common and most flexible setup.",
      },
    },
    {
      kind: "step",
      id: "RT",
      label: "Read-through",
      link: { page: strategies, section: "read-through" },
      next: "Q4",
      summary:
        "Register a loader with the cache; callers only ever read from the cache, which fetches from the source on a miss.",
    },
    {
      kind: "step",
      id: "CA",
      label: "Cache-aside",
      link: { page: caching, section: "cache-aside" },
      next: "Q4",
      summary: "Look in the cache first; on a miss, read the source and store the result with a TTL.",
      example: "cache-aside",
    },
    {
      kind: "question",
      id: "Q4",
      label: "Do all writes go through this service?",
      link: { page: invalidation, section: "ttl-and-invalidation" },
      yes: {
        next: "Q5",
        howToTell: "No other service, batch job or admin script writes this data behind the service's back.",
        why: "A service that sees every write can fix the cache on each write instead of waiting for entries to expire.",
      },
      no: {
        next: "TTL",
        howToTell: "Other systems, scheduled jobs or manual fixes also write to the database.",
        why: "Writes you never see cannot trigger an invalidation, so only an expiry time bounds how stale an entry gets.",
      },
    },
    {
      kind: "step",
      id: "TTL",
      label: "Expire entries with a TTL",
      link: { page: invalidation, section: "ttl-and-invalidation" },
      summary: "Choose the TTL from how stale the data may be, and add jitter so many keys do not expire at once.",
      example: "cache-aside",
    },
    {
      kind: "question",
      id: "Q5",
      label: "Must a read right after a write see it?",
      link: { page: strategies, section: "write-through" },
      yes: {
        next: "WT",
        howToTell: "A user saves a change and expects to see it on the very next page load.",
        why: "Writing the cache in the same operation as the database makes the new value readable at once.",
      },
      no: {
        next: "Q6",
        howToTell: "The next reader may see the old value for a moment without harm.",
        why: "Writes can stay simple; what remains is whether the database keeps up with them.",
      },
    },
    {
      kind: "step",
      id: "WT",
      label: "Write-through",
      link: { page: strategies, section: "write-through" },
      next: "BK",
      summary: "Write the database and then the cache in the same operation, so readers never miss a fresh write.",
    },
    {
      kind: "question",
      id: "Q6",
      label: "Writes outpace the database?",
      link: { page: strategies, section: "write-behind" },
      yes: {
        next: "WB",
        howToTell:
          "Write bursts overload the database, and losing the last seconds of writes in a crash is acceptable, as for view counters.",
        why: "The cache takes the writes and flushes them in batches, at the risk of losing what was not flushed yet.",
      },
      no: {
        next: "INV",
        howToTell: "The database handles the write load, or no write may ever be lost.",
        why: "Writes go to the database as usual; deleting the cached key afterwards keeps reads right with the least machinery.",
      },
    },
    {
      kind: "step",
      id: "WB",
      label: "Write-behind",
      link: { page: strategies, section: "write-behind" },
      summary:
        "Write to the cache, queue each change durably, flush to the database in batches, and watch the backlog.",
    },
    {
      kind: "step",
      id: "INV",
      label: "Invalidate on write",
      link: { page: invalidation, section: "ttl-and-invalidation" },
      next: "BK",
      summary: "Delete the cached key after each committed write; the next read loads the new value.",
      example: "cache-aside",
    },
    {
      kind: "step",
      id: "BK",
      label: "Keep a TTL as a backstop",
      link: { page: invalidation, section: "ttl-and-invalidation" },
      summary: "Give entries a TTL anyway, so one missed invalidation cannot serve stale data forever.",
    },
    {
      kind: "step",
      id: "NC",
      label: "Don't cache",
      link: { page: caching, section: "when-not-to-cache" },
      summary: "Read from the source of truth and make that read cheaper: an index, a narrower query, a read replica.",
    },
  ],
  sources: [
    {
      title: "Caching strategies (lazy loading, write-through, adding TTL)",
      author: "Amazon ElastiCache documentation",
      url: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Strategies.html",
      usedFor: "Cache-aside (lazy loading) and write-through compared, and why a TTL belongs on every entry.",
    },
    {
      title: "Read-Through, Write-Through, Write-Behind, and Refresh-Ahead Caching",
      author: "Oracle Coherence Developer's Guide, release 3.7",
      year: 2011,
      url: "https://docs.oracle.com/cd/E18686_01/coh.37/e18680/readthrough.htm",
      usedFor:
        "The definitions of read-through, write-through and write-behind, and the data loss window of write-behind.",
    },
    {
      title: "Cache-Aside pattern",
      author: "Microsoft Azure Architecture Center",
      url: "https://learn.microsoft.com/en-us/azure/architecture/patterns/cache-aside",
      usedFor: "When cache-aside fits, how expiry and invalidation keep it consistent, and when not to use a cache.",
    },
    {
      title: "Scaling Memcache at Facebook",
      author: "Rajesh Nishtala et al., NSDI '13",
      year: 2013,
      url: "https://www.usenix.org/conference/nsdi13/technical-sessions/presentation/nishtala",
      usedFor: "Deleting keys on write rather than updating them, and leases against stale sets and stampedes.",
    },
    {
      title: "RFC 9111: HTTP Caching",
      author: "Roy Fielding, Mark Nottingham and Julian Reschke",
      year: 2022,
      url: "https://www.rfc-editor.org/rfc/rfc9111",
      usedFor: "Freshness lifetime (a TTL) as the standard way to bound how stale a cached response may be.",
    },
  ],
};
