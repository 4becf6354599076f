import { PROBLEM_TYPE_BASE, type ExampleName } from "./site.ts";

/** An RFC 9457 problem type: one anchor on /reference/problems/, one HTTP status, one meaning. */
export type ProblemType = {
  /** The anchor on the reference page and the last part of the `type` URI. */
  readonly slug: string;
  /** The problem's `title`: the same for every occurrence of this type. */
  readonly title: string;
  readonly status: number;
  /** What happened and what the client can do about it, in one or two sentences. */
  readonly meaning: string;
  /** Extension members this type carries beyond `type`, `title`, `status`, `detail` and `instance`. */
  readonly extensions: readonly string[];
  /** Examples whose HTTP edge can answer with this type (checked by the drift tests). */
  readonly raisedBy: readonly ExampleName[];
  /** A page that shows it when no example does (for instance, no example has logged-in callers). */
  readonly shownOn?: string;
  /** A realistic body, as an example would send it. */
  readonly exampleBody: Readonly<Record<string, unknown>>;
};

/** The full `type` URI of a problem slug. */
export function problemTypeUri(slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`;
}

const ALL_EXAMPLES: readonly ExampleName[] = [
  "layered-service",
  "domain-model",
  "repository-unit-of-work",
  "cache-aside",
  "error-handling",
  "observability",
  "outbox-and-saga",
  "resilience",
  "database-patterns",
  "api-design",
];

/**
 * Every problem type the guide's services answer with. The status policy (policy.ts) says which to pick;
 * the rule catalog (rules.ts) names the business rule inside the two rule-carrying types.
 */
export const problemTypes: readonly ProblemType[] = [
  {
    slug: "malformed-json",
    title: "Malformed JSON",
    status: 400,
    meaning: "The body is not valid JSON. Nothing was read or stored; fix the client's serialisation.",
    extensions: [],
    raisedBy: ALL_EXAMPLES,
    exampleBody: {
      type: problemTypeUri("malformed-json"),
      title: "Malformed JSON",
      status: 400,
      detail: "The body is not valid JSON",
      instance: "/orders",
    },
  },
  {
    slug: "unauthenticated",
    title: "Authentication required",
    status: 401,
    meaning:
      "The request carries no credentials, or credentials the service does not accept (unknown, expired or invalid " +
      "token). The `WWW-Authenticate` header says which scheme to use. Authenticate, then send the request again.",
    extensions: [],
    raisedBy: ["api-design"],
    exampleBody: {
      type: problemTypeUri("unauthenticated"),
      title: "Authentication required",
      status: 401,
      detail: "Send Authorization: Bearer <token>",
      instance: "/v2/orders",
    },
  },
  {
    slug: "permission-denied",
    title: "Permission denied",
    status: 403,
    meaning:
      "The caller may know this resource exists but may not perform this action on it (a customer cancelling an order a " +
      "clerk has already packed, a clerk refunding above their limit). When the caller may not even know the resource " +
      "exists, such as another customer's order, the answer is not-found (404) instead, so ids cannot be probed.",
    extensions: [],
    raisedBy: ["api-design"],
    exampleBody: {
      type: problemTypeUri("permission-denied"),
      title: "Permission denied",
      status: 403,
      detail: "Only staff can cancel an order that has been confirmed",
      instance: "/orders/o-1/cancel",
    },
  },
  {
    slug: "host-not-allowed",
    title: "Host not allowed",
    status: 403,
    meaning:
      "The request was addressed to a host name this service does not answer to. Every example answers only " +
      "localhost, 127.0.0.1 and [::1] on its own port (or the names in ALLOWED_HOSTS), so a page on another domain " +
      "that makes its name resolve to 127.0.0.1 (DNS rebinding) cannot drive it from a reader's browser.",
    extensions: [],
    raisedBy: ALL_EXAMPLES,
    exampleBody: {
      type: problemTypeUri("host-not-allowed"),
      title: "Host not allowed",
      status: 403,
      detail:
        'This service answers only requests addressed to localhost:3000, 127.0.0.1:3000, [::1]:3000; this one was addressed to "rebind.example:3000". Set ALLOWED_HOSTS to serve it under another name.',
      instance: "/orders",
    },
  },
  {
    slug: "not-found",
    title: "Resource not found",
    status: 404,
    meaning:
      "The resource the URL names does not exist, or no route matches the URL. Only ever about the URL: an unknown id " +
      "inside a request body is a state-conflict (409).",
    extensions: [],
    raisedBy: ALL_EXAMPLES,
    exampleBody: {
      type: problemTypeUri("not-found"),
      title: "Resource not found",
      status: 404,
      detail: "Order o-404 does not exist",
      instance: "/orders/o-404",
    },
  },
  {
    slug: "state-conflict",
    title: "Conflicts with the current state",
    status: 409,
    meaning:
      "The request is well formed and could succeed, but not as things stand: the stock is gone, the order is already " +
      "confirmed, the customer or product it names does not exist (yet). `rule` names the rule; the client shows " +
      "`detail` to a person, who may change something and try again.",
    extensions: ["rule"],
    raisedBy: [
      "layered-service",
      "domain-model",
      "repository-unit-of-work",
      "error-handling",
      "observability",
      "outbox-and-saga",
      "resilience",
      "api-design",
    ],
    exampleBody: {
      type: problemTypeUri("state-conflict"),
      title: "Conflicts with the current state",
      status: 409,
      detail: "Product p-3 has 0 in stock; 1 requested",
      instance: "/orders",
      rule: "product.stock-available",
    },
  },
  {
    slug: "concurrency-conflict",
    title: "Concurrent update",
    status: 409,
    meaning:
      "Someone else saved this resource between the moment it was read and the moment this change was saved " +
      "(optimistic locking). Nothing was stored: read the resource again, and repeat the change if it still makes sense.",
    extensions: [],
    raisedBy: [
      "domain-model",
      "repository-unit-of-work",
      "cache-aside",
      "outbox-and-saga",
      "database-patterns",
      "api-design",
    ],
    exampleBody: {
      type: problemTypeUri("concurrency-conflict"),
      title: "Concurrent update",
      status: 409,
      detail: "Order o-1 was changed by someone else (expected version 3); read it again",
      instance: "/orders/o-1/confirm",
    },
  },
  {
    slug: "idempotency-request-in-flight",
    title: "Request still in flight",
    status: 409,
    meaning:
      "A request with the same `Idempotency-Key` is still being processed, so this one was not run. Wait for the " +
      "`Retry-After` seconds and send it again unchanged: once the first has finished, you get its response.",
    extensions: [],
    raisedBy: ["api-design"],
    exampleBody: {
      type: problemTypeUri("idempotency-request-in-flight"),
      title: "Request still in flight",
      status: 409,
      detail: "A request with Idempotency-Key 7c0e… is still being processed; retry in a moment",
      instance: "/v2/orders",
    },
  },
  {
    slug: "precondition-failed",
    title: "Precondition failed",
    status: 412,
    meaning:
      "The `If-Match` header names a version (ETag) that is no longer current: the resource changed since the client " +
      "read it. Nothing was stored; GET it again for the new ETag.",
    extensions: [],
    raisedBy: ["domain-model", "api-design"],
    exampleBody: {
      type: problemTypeUri("precondition-failed"),
      title: "Precondition failed",
      status: 412,
      detail: "Order o-1 is at version 2, not 1; GET it again for the current ETag",
      instance: "/orders/o-1/confirm",
    },
  },
  {
    slug: "payload-too-large",
    title: "Payload too large",
    status: 413,
    meaning: "The body exceeds the service's limit (64 KiB in the examples). Nothing was read or stored.",
    extensions: [],
    raisedBy: ALL_EXAMPLES,
    exampleBody: {
      type: problemTypeUri("payload-too-large"),
      title: "Payload too large",
      status: 413,
      detail: "The body exceeds 65536 bytes",
      instance: "/orders",
    },
  },
  {
    slug: "unsupported-media-type",
    title: "Unsupported media type",
    status: 415,
    meaning: "A body was sent without a JSON `Content-Type`. Send `Content-Type: application/json`.",
    extensions: [],
    raisedBy: ALL_EXAMPLES,
    exampleBody: {
      type: problemTypeUri("unsupported-media-type"),
      title: "Unsupported media type",
      status: 415,
      detail: "Send the body as application/json",
      instance: "/orders",
    },
  },
  {
    slug: "validation-failed",
    title: "Request validation failed",
    status: 422,
    meaning:
      "A field or query parameter has the wrong type or shape, checked by the HTTP edge's schema before any business " +
      "code runs. `errors` lists each one with a JSON Pointer into the body (`pointer`) or the query parameter's name " +
      "(`field`). A bug in the client: fix its code.",
    extensions: ["errors"],
    raisedBy: ALL_EXAMPLES,
    exampleBody: {
      type: problemTypeUri("validation-failed"),
      title: "Request validation failed",
      status: 422,
      detail: "The request body is invalid",
      instance: "/orders",
      errors: [{ pointer: "/lines/0/quantity", message: "Invalid input: expected number, received string" }],
    },
  },
  {
    slug: "business-rule-violation",
    title: "Business rule violated",
    status: 422,
    meaning:
      "The request is well formed but breaks a rule that holds whatever the shop's state: a quantity of -5, an empty " +
      "order, an eleventh line, an address that is not an email. Sent again unchanged it fails again. `rule` names " +
      "the rule from the catalog below.",
    extensions: ["rule"],
    raisedBy: ALL_EXAMPLES,
    exampleBody: {
      type: problemTypeUri("business-rule-violation"),
      title: "Business rule violated",
      status: 422,
      detail: "An order needs at least one line",
      instance: "/orders",
      rule: "order.not-empty",
    },
  },
  {
    slug: "idempotency-key-reused",
    title: "Idempotency key reused",
    status: 422,
    meaning:
      "This `Idempotency-Key` was already used for a different request (another body, method or path). Nothing was " +
      "run. A key names one request: generate a new key for a new request, and reuse a key only to retry the same one.",
    extensions: [],
    raisedBy: ["api-design"],
    exampleBody: {
      type: problemTypeUri("idempotency-key-reused"),
      title: "Idempotency key reused",
      status: 422,
      detail: "Idempotency-Key 7c0e… was already used for a different request; use a new key for a new request",
      instance: "/v2/orders",
    },
  },
  {
    slug: "precondition-required",
    title: "Precondition required",
    status: 428,
    meaning:
      "This change needs an `If-Match` header with the ETag the client last read, so that it cannot overwrite a change " +
      "it never saw. GET the resource, then repeat the request with `If-Match`.",
    extensions: [],
    raisedBy: ["domain-model", "api-design"],
    exampleBody: {
      type: problemTypeUri("precondition-required"),
      title: "Precondition required",
      status: 428,
      detail: "Send If-Match with the ETag that GET /orders/o-1 returned",
      instance: "/orders/o-1/confirm",
    },
  },
  {
    slug: "internal-error",
    title: "Internal server error",
    status: 500,
    meaning:
      "A bug. The response says nothing about it on purpose; the full error, with its stack and cause chain, is in the " +
      "service's log (error-handling adds a request id to find it).",
    extensions: [],
    raisedBy: ALL_EXAMPLES,
    exampleBody: {
      type: problemTypeUri("internal-error"),
      title: "Internal server error",
      status: 500,
      detail: "An unexpected error occurred. It has been logged.",
      instance: "/orders",
    },
  },
  {
    slug: "service-unavailable",
    title: "Service unavailable",
    status: 503,
    meaning:
      "Something the request needs (the database, the cache, another service) is unreachable right now. Nothing was " +
      "stored; retry after the `Retry-After` header's seconds.",
    extensions: [],
    raisedBy: [
      "repository-unit-of-work",
      "cache-aside",
      "error-handling",
      "observability",
      "outbox-and-saga",
      "resilience",
      "database-patterns",
    ],
    exampleBody: {
      type: problemTypeUri("service-unavailable"),
      title: "Service unavailable",
      status: 503,
      detail: "Something this request needs is unavailable right now. Try again in 5 seconds.",
      instance: "/products/p-1",
    },
  },
];
