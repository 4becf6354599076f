/** One invalid field: a JSON Pointer (RFC 6901) into the body, and why. */
export type FieldError = { readonly pointer: string; readonly message: string };

/** The request body is not parseable JSON (mapped to 400). */
export class MalformedJsonError extends Error {
  constructor() {
    super("The request body is not valid JSON");
    this.name = "MalformedJsonError";
  }
}

/** The body was sent with a media type other than JSON (mapped to 415). */
export class UnsupportedMediaTypeError extends Error {
  constructor(received: string | undefined) {
    super(`Send the body as JSON with "Content-Type: application/json" (received ${received ?? "no Content-Type"})`);
    this.name = "UnsupportedMediaTypeError";
  }
}

/** The input is readable but has the wrong shape or types (mapped to 422 with one entry per field). */
export class RequestValidationError extends Error {
  readonly errors: readonly FieldError[];

  constructor(errors: readonly FieldError[]) {
    super("The request has invalid fields");
    this.name = "RequestValidationError";
    this.errors = errors;
  }
}
