import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Json = Record<string, unknown>;
/** The parts of an OpenAPI 3.1 document this check reads. */
type OpenApiDocument = {
  readonly paths: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>>;
};
type ResponseObject = {
  readonly content?: Record<string, { schema?: Json }>;
  readonly headers?: Record<string, { required?: boolean }>;
};

/**
 * Checks responses against the service's own OpenAPI document: the operation exists, it declares this
 * status, the body has a declared media type and validates against its JSON Schema (Ajv, draft 2020-12, the
 * dialect of OpenAPI 3.1), and every header the document marks required is there. Returns what is wrong,
 * one line each; an empty list means the response conforms.
 */
export class OpenApiConformance {
  readonly #document: OpenApiDocument;
  readonly #ajv: Ajv2020;
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(document: unknown) {
    this.#document = document as OpenApiDocument;
    // strict: false because OpenAPI adds keywords of its own (example, description on $ref siblings).
    this.#ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(this.#ajv);
    this.#ajv.addSchema(document as Json, "openapi.json");
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
    const validate = this.#validator(`openapi.json#/${pointer}`);
    if (!validate(JSON.parse(body))) {
      for (const error of validate.errors ?? []) problems.push(`${where}: body${error.instancePath} ${error.message}`);
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

  #validator(ref: string): ValidateFunction {
    let validate = this.#validators.get(ref);
    if (validate === undefined) {
      validate = this.#ajv.compile({ $ref: ref });
      this.#validators.set(ref, validate);
    }
    return validate;
  }
}
