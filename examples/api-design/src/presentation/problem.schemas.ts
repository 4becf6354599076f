import { z } from "@hono/zod-openapi";

/** An RFC 9457 problem, as every error response of this API is. */
export const ProblemSchema = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string(),
    rule: z.string().optional().openapi({ description: "The catalog id of the broken rule" }),
    errors: z
      .array(
        z.union([
          z.object({ pointer: z.string(), message: z.string() }),
          z.object({ field: z.string(), message: z.string() }),
        ]),
      )
      .optional(),
  })
  .openapi("Problem");

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: "The body is not valid JSON",
  401: "No bearer token, or an unknown one",
  403: "The caller may not do this",
  404: "The resource the URL names does not exist (or is not the caller's)",
  409: "Conflicts with the current state, a concurrent update, or the same Idempotency-Key still in flight",
  412: "If-Match names a version that is no longer current",
  413: "The body exceeds 64 KiB",
  415: "The body has the wrong media type",
  422: "Validation failed, a business rule was broken, or an Idempotency-Key was reused with another body",
  428: "If-Match is required",
  500: "A bug; the details are in the log",
};

/** The problem responses an operation can give, for its `responses` in the OpenAPI document. */
export function problemResponses<const S extends number>(...statuses: S[]) {
  const content = { "application/problem+json": { schema: ProblemSchema } };
  return Object.fromEntries(
    [...statuses, 500].map((status) => [status, { description: DESCRIPTIONS[status] ?? "Error", content }]),
  ) as Record<S | 500, { description: string; content: typeof content }>;
}
