import type { Hook } from "@hono/zod-openapi";
import { RequestValidationError, type FieldError } from "./request-errors.ts";

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string; readonly keys?: readonly string[] };

const TARGET_NAMES: Readonly<Record<string, string>> = {
  json: "body",
  query: "query",
  header: "headers",
  param: "path",
};

/**
 * What every route does with a request its schemas refuse: throw, so the one error mapping answers with a
 * 422 problem. A body field is named by a JSON Pointer, a query parameter, header or path parameter by name.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the hook is shared by routes of every shape
export const throwValidationError: Hook<any, any, any, any> = (result) => {
  if (result.success) return;
  // An unknown field is reported at the field itself, so the pointer says which one to remove.
  const issues = (result.error.issues as readonly Issue[]).flatMap((issue) =>
    issue.keys === undefined ? [issue] : issue.keys.map((key) => ({ ...issue, path: [...issue.path, key] })),
  );
  const errors: FieldError[] = issues.map((issue) =>
    result.target === "json"
      ? { pointer: jsonPointer(issue.path), message: issue.message }
      : { field: issue.path.map(String).join(".") || result.target, message: issue.message },
  );
  throw new RequestValidationError(`The request ${TARGET_NAMES[result.target] ?? result.target} is invalid`, errors);
};

/** RFC 6901: each segment prefixed with `/`, with `~` and `/` escaped. */
function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}
