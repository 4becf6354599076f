/**
 * RFC 9457 problem details for every refusal and failure the runner reports, so the page can
 * show the reason instead of a bare status code.
 */

/** Base of the runner's problem type URIs (relative, per RFC 9457); each ends in a stable slug the client can match. */
export const PROBLEM_TYPE_BASE = "/__runner/problems/";

export type ProblemSlug =
  | "forbidden-host"
  | "forbidden-origin"
  | "forbidden-remote"
  | "cross-site-request"
  | "missing-token"
  | "wrong-token"
  | "invalid-request"
  | "unsafe-path"
  | "too-many-files"
  | "file-too-large"
  | "body-too-large"
  | "unknown-example"
  | "disallowed-command"
  | "too-many-runs"
  | "unknown-run"
  | "service-not-running"
  | "runner-closed"
  | "not-found"
  | "internal";

/** An error the runner answers with a problem+json response. */
export class RunnerProblem extends Error {
  readonly status: number;
  readonly slug: ProblemSlug;
  readonly title: string;

  constructor(status: number, slug: ProblemSlug, title: string, detail: string) {
    super(detail);
    this.name = "RunnerProblem";
    this.status = status;
    this.slug = slug;
    this.title = title;
  }
}

/** The JSON body of a problem response. */
export function problemBody(problem: RunnerProblem, instance: string): Record<string, unknown> {
  return {
    type: PROBLEM_TYPE_BASE + problem.slug,
    title: problem.title,
    status: problem.status,
    detail: problem.message,
    instance,
  };
}

/** A problem+json Response for a RunnerProblem. */
export function problemResponse(problem: RunnerProblem, instance: string): Response {
  return new Response(JSON.stringify(problemBody(problem, instance)), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
  });
}
