import type { Context } from "hono";
import type { Logger } from "../application/ports/logger.port.ts";
import type { ProblemDetails } from "./problem-details.ts";

/**
 * Logs a failed request, once, at the edge. Failures of ours (5xx) are errors, logged with the whole
 * error: message, stack and cause chain. Requests we refused (4xx) are routine, logged as info with
 * the problem only; a stack trace would say nothing there.
 */
export function logFailure(logger: Logger, c: Context, problem: ProblemDetails, error?: unknown): void {
  // No requestId here: the request's child logger already adds it to every line.
  const fields = { method: c.req.method, path: c.req.path, status: problem.status };
  if (problem.status >= 500) logger.error("request.failed", { ...fields, err: error });
  else logger.info("request.rejected", { ...fields, type: problem.type, detail: problem.detail });
}
