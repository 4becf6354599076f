import type { Context } from "hono";
import type { z } from "zod";
import { MalformedJsonError, RequestValidationError, UnsupportedMediaTypeError } from "./request-errors.ts";

const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json$/i;

/** Turns a zod issue path like ["lines", 0, "quantity"] into the JSON Pointer "/lines/0/quantity". */
function toPointer(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/**
 * Reads the body as JSON and checks it against `schema`. Three different failures, three different
 * errors, so the client learns exactly what to fix: the media type, the JSON syntax, or a field.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const contentType = c.req.header("Content-Type");
  const mediaType = contentType?.split(";")[0]?.trim() ?? "";
  if (!JSON_MEDIA_TYPE.test(mediaType)) throw new UnsupportedMediaTypeError(contentType);

  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new MalformedJsonError();
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new RequestValidationError(
      result.error.issues.map((issue) => ({ pointer: toPointer(issue.path), message: issue.message })),
    );
  }
  return result.data;
}
