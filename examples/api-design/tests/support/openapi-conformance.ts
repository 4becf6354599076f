import { Validator } from "@cfworker/json-schema";

type Json = Record<string, unknown>;
/** The parts of an OpenAPI 3.1 document this check reads. */
type OpenApiDocument = {
  readonly components?: Json;
  readonly paths: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>>;
};
type ResponseObject = {
  readonly content?: Record<string, { schema?: Json }>;
  readonly headers?: Record<string, { required?: boolean }>;
};

/** Keywords whose errors only summarise the errors found beneath them. */
const SUMMARY_KEYWORDS = new Set(["$ref", "properties", "items", "prefixItems", "allOf", "anyOf", "oneOf"]);

/**
 * Checks responses against the service's own OpenAPI document: the operation exists, it declares this
 * status, the body has a declared media type and validates against its JSON Schema (draft 2020-12, the dialect
 * of OpenAPI 3.1, with @cfworker/json-schema, which interprets schemas instead of compiling them to code, so the
 * check also runs where `eval` is not allowed, as in the guide's in-browser runtime), and every header the document
 * marks required is there. Returns what is wrong,
 * one line each; an empty list means the response conforms.
 */
export class OpenApiConformance {
  readonly #document: OpenApiDocument;
  readonly #validators = new Map<string, Validator>();

  constructor(document: unknown) {
    this.#document = document as OpenApiDocument;
  }

  async check(method: string, path: string, response: Response): Promise<string[]> {
    const where = `${method} ${path} → ${response.status}`;
    const template = this.#pathTemplate(path);
    const operation = template === undefined ? undefined : this.#document.paths[template]?.[method.toLowerCase()];
    if (template === undefined || operation === undefined) return [`${where}: no such operation in /openapi.json`];
    const declared = operation.responses?.[String(response.status)] ?? operation.responses?.default;
    if (declared === undefined) return [`${where}: status not declared for ${method} ${template}`];

    const problems: string[] = [];
    for (const [name, header] of Object.entries(declared.headers ?? {})) {
      if (header.required === true && !response.headers.has(name)) problems.push(`${where}: missing header ${name}`);
    }
    const body = await response.clone().text();
    if (declared.content === undefined) {
      if (body !== "") problems.push(`${where}: a body where the document declares none`);
      return problems;
    }
    const mediaType = response.headers.get("Content-Type")?.split(";")[0]?.trim() ?? "";
    if (declared.content[mediaType] === undefined)
      return [...problems, `${where}: undeclared media type "${mediaType}"`];
    const pointer = [
      "paths",
      template,
      method.toLowerCase(),
      "responses",
      String(response.status),
      "content",
      mediaType,
      "schema",
    ]
      .map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1"))
      .join("/");
    const result = this.#validator(pointer).validate(JSON.parse(body));
    // The errors that say what is wrong where; the ones that only say "a subschema had errors" are left out.
    for (const error of result.errors.filter((each) => !SUMMARY_KEYWORDS.has(each.keyword))) {
      problems.push(`${where}: body${error.instanceLocation.slice(1)} ${error.error}`);
    }
    return problems;
  }

  /** The document's path template (`/v2/orders/{id}`) that a concrete path matches. */
  #pathTemplate(path: string): string | undefined {
    const bare = path.split("?")[0] ?? path;
    return Object.keys(this.#document.paths).find((template) =>
      new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(bare),
    );
  }

  /**
   * A validator for the schema at `pointer`: its root is the document itself with a `$ref` to that schema, so the
   * schema's own references (`#/components/schemas/Order`) resolve inside the document. OpenAPI's own keywords
   * (`paths`, `example`) are not validation keywords and are ignored.
   */
  #validator(pointer: string): Validator {
    let validator = this.#validators.get(pointer);
    if (validator === undefined) {
      const root = { ...this.#document, $ref: `#/${pointer}` };
      validator = new Validator(root as never, "2020-12", false);
      this.#validators.set(pointer, validator);
    }
    return validator;
  }
}
