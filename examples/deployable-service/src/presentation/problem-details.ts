import { BusinessRuleViolationError, EntityNotFoundError, StateConflictError } from "../domain/domain-error.ts";
import {
  MalformedJsonError,
  RequestValidationError,
  UnsupportedMediaTypeError,
  type FieldError,
} from "./request-errors.ts";

/** An RFC 9457 problem details body, with this service's extension members `errors` and `rule`. */
export type ProblemDetails = {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly errors?: readonly FieldError[];
  readonly rule?: string;
};

// Each type is a link to the guide's page on that problem, as RFC 9457 asks: a client can look it up.
const PROBLEM_BASE = "https://backend-field-guide.dev/reference/problems/#";

/** The problem for a URL no route matches. */
export function routeNotFoundProblem(method: string, path: string): ProblemDetails {
  return {
    type: `${PROBLEM_BASE}not-found`,
    title: "Resource not found",
    status: 404,
    detail: `No route for ${method} ${path}`,
    instance: path,
  };
}

/** The problem for a body over the size limit. */
export function payloadTooLargeProblem(maxBytes: number, path: string): ProblemDetails {
  return {
    type: `${PROBLEM_BASE}payload-too-large`,
    title: "Payload too large",
    status: 413,
    detail: `The body exceeds ${maxBytes} bytes`,
    instance: path,
  };
}

/** Maps any thrown value to a problem: the one place where errors meet HTTP status codes. */
export function problemFromError(error: unknown, instance: string): ProblemDetails {
  if (error instanceof MalformedJsonError) {
    return {
      type: `${PROBLEM_BASE}malformed-json`,
      title: "Malformed JSON",
      status: 400,
      detail: error.message,
      instance,
    };
  }
  if (error instanceof UnsupportedMediaTypeError) {
    return {
      type: `${PROBLEM_BASE}unsupported-media-type`,
      title: "Unsupported media type",
      status: 415,
      detail: error.message,
      instance,
    };
  }
  if (error instanceof RequestValidationError) {
    return {
      type: `${PROBLEM_BASE}validation-failed`,
      title: "Request validation failed",
      status: 422,
      detail: error.message,
      instance,
      errors: error.errors,
    };
  }
  if (error instanceof EntityNotFoundError) {
    return {
      type: `${PROBLEM_BASE}not-found`,
      title: "Resource not found",
      status: 404,
      detail: error.message,
      instance,
    };
  }
  // 422: the request can never succeed as sent. 409: it conflicts with the state as it stands.
  if (error instanceof BusinessRuleViolationError) {
    return {
      type: `${PROBLEM_BASE}business-rule-violation`,
      title: "Business rule violated",
      status: 422,
      detail: error.message,
      instance,
      rule: error.rule,
    };
  }
  if (error instanceof StateConflictError) {
    return {
      type: `${PROBLEM_BASE}state-conflict`,
      title: "Conflicts with the current state",
      status: 409,
      detail: error.message,
      instance,
      rule: error.rule,
    };
  }
  // Anything else is a bug: the client gets a generic answer; the details go to the log only.
  return {
    type: `${PROBLEM_BASE}internal-error`,
    title: "Internal server error",
    status: 500,
    detail: "An unexpected error occurred. It has been logged.",
    instance,
  };
}

/** Serialises a problem with the `application/problem+json` media type. */
export function problemResponse(problem: ProblemDetails): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json" },
  });
}
