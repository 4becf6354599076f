import { InvalidCredentialsError } from "../application/auth-errors.ts";
import {
  BusinessRuleViolationError,
  EntityNotFoundError,
  PermissionDeniedError,
  StateConflictError,
} from "../domain/domain-error.ts";
import {
  AuthenticationRequiredError,
  MalformedJsonError,
  RateLimitExceededError,
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

const problem = (type: string, title: string, status: number, detail: string, instance: string) => ({
  type,
  title,
  status,
  detail,
  instance,
});

/** The problem for a URL no route matches. */
export function routeNotFoundProblem(method: string, path: string): ProblemDetails {
  return problem(`${PROBLEM_BASE}not-found`, "Resource not found", 404, `No route for ${method} ${path}`, path);
}

/** The problem for a body over the size limit. */
export function payloadTooLargeProblem(maxBytes: number, path: string): ProblemDetails {
  const detail = `The body exceeds ${maxBytes} bytes`;
  return problem(`${PROBLEM_BASE}payload-too-large`, "Payload too large", 413, detail, path);
}

/** Maps any thrown value to a problem. The only place where errors meet HTTP status codes. */
export function problemFromError(error: unknown, instance: string): ProblemDetails {
  if (error instanceof MalformedJsonError)
    return problem(`${PROBLEM_BASE}malformed-json`, "Malformed JSON", 400, error.message, instance);
  // Every refused credential is the same 401: a missing token, a bad one, a wrong password, a replayed refresh token.
  if (error instanceof AuthenticationRequiredError || error instanceof InvalidCredentialsError) {
    return problem(`${PROBLEM_BASE}unauthenticated`, "Authentication required", 401, error.message, instance);
  }
  if (error instanceof PermissionDeniedError) {
    return problem(`${PROBLEM_BASE}permission-denied`, "Permission denied", 403, error.message, instance);
  }
  if (error instanceof EntityNotFoundError)
    return problem(`${PROBLEM_BASE}not-found`, "Resource not found", 404, error.message, instance);
  if (error instanceof UnsupportedMediaTypeError) {
    return problem(`${PROBLEM_BASE}unsupported-media-type`, "Unsupported media type", 415, error.message, instance);
  }
  if (error instanceof RequestValidationError) {
    return {
      ...problem(`${PROBLEM_BASE}validation-failed`, "Request validation failed", 422, error.message, instance),
      errors: error.errors,
    };
  }
  return problemFromRuleOrLimit(error, instance);
}

/** The rule-carrying problems, the rate limit, and the generic 500 for everything unexpected. */
function problemFromRuleOrLimit(error: unknown, instance: string): ProblemDetails {
  // 422: the request can never succeed as sent. 409: it conflicts with the state as it stands.
  if (error instanceof BusinessRuleViolationError) {
    return {
      ...problem(`${PROBLEM_BASE}business-rule-violation`, "Business rule violated", 422, error.message, instance),
      rule: error.rule,
    };
  }
  if (error instanceof StateConflictError) {
    return {
      ...problem(`${PROBLEM_BASE}state-conflict`, "Conflicts with the current state", 409, error.message, instance),
      rule: error.rule,
    };
  }
  if (error instanceof RateLimitExceededError) {
    return problem(`${PROBLEM_BASE}rate-limited`, "Too many requests", 429, error.message, instance);
  }
  // Anything else is a bug: say so generically; the details go to the log, never to the client.
  const detail = "An unexpected error occurred. It has been logged.";
  return problem(`${PROBLEM_BASE}internal-error`, "Internal server error", 500, detail, instance);
}

/** Headers some problems need: which scheme to authenticate with, and when to retry. */
export function problemHeaders(error: unknown): Record<string, string> {
  if (error instanceof AuthenticationRequiredError || error instanceof InvalidCredentialsError) {
    return { "WWW-Authenticate": 'Bearer realm="shop"' };
  }
  if (error instanceof RateLimitExceededError) return { "Retry-After": String(error.retryAfterSeconds) };
  return {};
}

/** Serialises a problem with the `application/problem+json` media type. */
export function problemResponse(problem: ProblemDetails, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { ...headers, "Content-Type": "application/problem+json" },
  });
}
