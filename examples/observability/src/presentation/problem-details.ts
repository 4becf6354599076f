import type { Context } from "hono";
import { InfrastructureError } from "../application/ports/infrastructure-errors.ts";
import { BusinessRuleViolationError, EntityNotFoundError, StateConflictError } from "../domain/domain-error.ts";
import {
  MalformedJsonError,
  RequestValidationError,
  UnsupportedMediaTypeError,
  type FieldError,
} from "./request-errors.ts";

/** An RFC 9457 problem details body, with this service's extension members. */
export type ProblemDetails = {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  /** Quote it to support: it finds the one log line about this request. */
  readonly requestId: string;
  readonly errors?: readonly FieldError[];
  readonly rule?: string;
};

/** Where the problem happened: the request path and the request id. */
export type ProblemContext = { readonly instance: string; readonly requestId: string };

// Each type is a link to the guide's page on that problem, as RFC 9457 asks: a client can look it up.
const PROBLEM_BASE = "https://backend-field-guide.dev/reference/problems/#";

/** Seconds a client should wait before retrying after a 503: long enough for a failover or a reconnect. */
const RETRY_AFTER_SECONDS = 5;

/** The problem for a URL no route matches. */
export function routeNotFoundProblem(method: string, where: ProblemContext): ProblemDetails {
  return {
    type: `${PROBLEM_BASE}not-found`,
    title: "Resource not found",
    status: 404,
    detail: `No route for ${method} ${where.instance}`,
    ...where,
  };
}

/** The problem for a body over the size limit. */
export function payloadTooLargeProblem(maxBytes: number, where: ProblemContext): ProblemDetails {
  return {
    type: `${PROBLEM_BASE}payload-too-large`,
    title: "Payload too large",
    status: 413,
    detail: `The body exceeds ${maxBytes} bytes`,
    ...where,
  };
}

/**
 * Maps any thrown value to a problem: the one place where errors meet HTTP status codes. Domain and
 * request errors carry messages written for clients; infrastructure errors and bugs do not, so their
 * problems say only what the client can act on.
 */
export function problemFromError(error: unknown, where: ProblemContext): ProblemDetails {
  if (error instanceof MalformedJsonError) {
    return {
      type: `${PROBLEM_BASE}malformed-json`,
      title: "Malformed JSON",
      status: 400,
      detail: error.message,
      ...where,
    };
  }
  if (error instanceof UnsupportedMediaTypeError) {
    return {
      type: `${PROBLEM_BASE}unsupported-media-type`,
      title: "Unsupported media type",
      status: 415,
      detail: error.message,
      ...where,
    };
  }
  if (error instanceof RequestValidationError) {
    return {
      type: `${PROBLEM_BASE}validation-failed`,
      title: "Request validation failed",
      status: 422,
      detail: error.message,
      ...where,
      errors: error.errors,
    };
  }
  if (error instanceof EntityNotFoundError) {
    return {
      type: `${PROBLEM_BASE}not-found`,
      title: "Resource not found",
      status: 404,
      detail: error.message,
      ...where,
    };
  }
  // 422: the request can never succeed as sent. 409: it conflicts with the state as it stands.
  if (error instanceof BusinessRuleViolationError) {
    return {
      type: `${PROBLEM_BASE}business-rule-violation`,
      title: "Business rule violated",
      status: 422,
      detail: error.message,
      ...where,
      rule: error.rule,
    };
  }
  if (error instanceof StateConflictError) {
    return {
      type: `${PROBLEM_BASE}state-conflict`,
      title: "Conflicts with the current state",
      status: 409,
      detail: error.message,
      ...where,
      rule: error.rule,
    };
  }
  if (error instanceof InfrastructureError) {
    return {
      type: `${PROBLEM_BASE}service-unavailable`,
      title: "Service unavailable",
      status: 503,
      detail: `Something this request needs is unavailable right now. Try again in ${RETRY_AFTER_SECONDS} seconds.`,
      ...where,
    };
  }
  return {
    type: `${PROBLEM_BASE}internal-error`,
    title: "Internal server error",
    status: 500,
    detail: "An unexpected error occurred. It has been logged.",
    ...where,
  };
}

/**
 * Sends a problem as `application/problem+json`, with Retry-After on 503. Built with `c.body` so the
 * headers middleware already set (X-Request-Id) stay on the response.
 */
export function problemResponse(c: Context, problem: ProblemDetails): Response {
  const headers: Record<string, string> = { "Content-Type": "application/problem+json" };
  if (problem.status === 503) headers["Retry-After"] = String(RETRY_AFTER_SECONDS);
  return c.body(JSON.stringify(problem), problem.status as 400, headers);
}
