/**
 * Drift checks between the guide's pages and the canon (src/canon): rule ids, problem `type` links, the shop
 * model's signatures in Python and TypeScript blocks, and integration-event samples. Each check takes a page's
 * text (and, for Python, shapes read by python-shapes.py) and returns one message per disagreement.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import GithubSlugger from "github-slugger";
import ts from "typescript";
import {
  findIntegrationEvent,
  integrationEvents,
  PROBLEM_TYPE_BASE,
  PROBLEMS_PAGE_PATH,
  problemTypes,
  rules,
  shopModel,
  type ModelElement,
} from "../../../src/canon/index.ts";
import type { Python } from "./code-syntax.ts";
import { fencedBlocks, withoutFencedBlocks, type FencedBlock } from "./markdown-blocks.ts";

const PYTHON_LANGS = new Set(["python", "py"]);
const TYPESCRIPT_LANGS = new Set(["ts", "typescript"]);

/** kebab-case of a PascalCase name: OrderLine → order-line. */
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** snake_case → camelCase, as Pydantic's `to_camel` alias generator does. */
export const toCamel = (name: string) => name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

const ruleIds = new Set(rules.map((rule) => rule.id));
const eventTypes = new Set(integrationEvents.map((event) => event.type));

/**
 * Things a rule id could be about: the catalog's own prefixes and every class of the model (so `order-line.x` and
 * `customer.x` are caught even though the catalog has no such prefix).
 */
const RULE_PREFIXES = new Set([
  ...rules.map((rule) => rule.id.split(".")[0] ?? ""),
  ...shopModel.map((element) => kebab(element.name)),
]);
const RULE_SHAPE = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$/;

function looksLikeRuleId(text: string): boolean {
  const match = RULE_SHAPE.exec(text);
  return match !== null && RULE_PREFIXES.has(match[1] ?? "") && !eventTypes.has(text);
}

/** A disagreement found on a page: the 1-based line and what is wrong. */
export interface Drift {
  readonly line: number;
  readonly message: string;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

/**
 * Rule ids a page names. In code: what a rule error is raised with (`StateConflictError("order.known-customer", …)`,
 * `super("order.not-empty", …)`) and what a problem's `rule` member says, whatever the prefix; other dotted strings in
 * code are queue, consumer or event names. In prose: inline code spans shaped like a rule id about the shop (a hyphen,
 * or an exact catalog id), because `order.total` in prose is an attribute, not a rule.
 */
export function ruleIdsNamed(source: string): { line: number; id: string }[] {
  const found: { line: number; id: string }[] = [];
  const raised =
    /(?:BusinessRuleViolationError|StateConflictError|super)\(\s*(["'`])([^"'`]+)\1|(?<!(?:const|let|var)\s+)["']?\brule["']?\s*[:=]\s*(["'])([^"']+)\3/g;
  for (const block of fencedBlocks(source)) {
    if (block.lang === "mermaid") continue;
    for (const match of block.code.matchAll(raised)) {
      const id = match[2] ?? match[4] ?? "";
      if (RULE_SHAPE.test(id)) found.push({ line: block.line + lineAt(block.code, match.index), id });
    }
  }
  const prose = withoutFencedBlocks(source);
  for (const match of prose.matchAll(/`([a-z][a-z0-9.-]*)`/g)) {
    const id = match[1] ?? "";
    if (looksLikeRuleId(id) && (id.includes("-") || ruleIds.has(id)))
      found.push({ line: lineAt(prose, match.index), id });
  }
  return found;
}

/** Rule ids named on the page that the catalog does not have. */
export function unknownRuleIds(source: string): Drift[] {
  return ruleIdsNamed(source)
    .filter(({ id }) => !ruleIds.has(id))
    .map(({ line, id }) => ({ line, message: `rule id "${id}" is not in the rule catalog (src/canon/rules.ts)` }));
}

const REFERENCE_PAGE = fileURLToPath(new URL("../../../content/docs/reference/problems.mdx", import.meta.url));

/** Heading anchors of the reference page, as Starlight makes them (none when the page does not exist). */
function referenceHeadings(): string[] {
  if (!existsSync(REFERENCE_PAGE)) return [];
  const slugger = new GithubSlugger();
  const text = readFileSync(REFERENCE_PAGE, "utf8");
  return [...text.matchAll(/^#{2,6}\s+(.+?)\s*$/gm)].map((match) => slugger.slug(match[1] ?? ""));
}

/** Every anchor /reference/problems/ has: one per problem type, one per rule, and its section headings. */
const problemAnchors = new Set([
  ...problemTypes.map((problem) => problem.slug),
  ...rules.map((rule) => rule.id),
  ...referenceHeadings(),
]);
const PROBLEM_LINK = /(?:https?:\/\/[^\s"'`<>)\]]*|\/reference)?\/problems\/[^\s"'`<>)\]]*/g;

/**
 * Problem `type` links that do not resolve: every URL or path into a `/problems/` page must be the reference page
 * (`/reference/problems/` or its full URI) and, when it names an anchor, one the reference page has.
 */
export function brokenProblemLinks(source: string): Drift[] {
  const drifts: Drift[] = [];
  for (const match of source.matchAll(PROBLEM_LINK)) {
    const link = match[0];
    const line = lineAt(source, match.index);
    const relative = link.startsWith(PROBLEMS_PAGE_PATH);
    const full = link.startsWith(PROBLEM_TYPE_BASE.slice(0, -1));
    if (!relative && !full) {
      drifts.push({ line, message: `"${link}" is not the problem reference page (${PROBLEM_TYPE_BASE}<slug>)` });
      continue;
    }
    const slug = link.split("#")[1] ?? "";
    if (slug !== "" && !problemAnchors.has(slug)) {
      drifts.push({ line, message: `"${link}": /reference/problems/ has no anchor "#${slug}"` });
    }
  }
  return drifts;
}

// ---------------------------------------------------------------------------------------------------------------
// Signatures

/** The canonical classes a page's code is held to: everything in the model except ports and services. */
const canonicalClasses = new Map(
  shopModel.filter((element) => element.kind !== "domain-service").map((element) => [element.name, element]),
);
/** Domain services are functions in both languages. */
const canonicalFunctions = shopModel.filter((element) => element.kind === "domain-service");

/** The canon's method signatures in one language, keyed by class then by the method's name in that language. */
export type CanonSignatures = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** A method or function definition found on a page. */
interface Definition {
  readonly owner: string | undefined;
  readonly name: string;
  readonly signature: string;
  readonly line: number;
}

function compareDefinitions(
  definitions: readonly Definition[],
  canon: CanonSignatures,
  functions: ReadonlyMap<string, string>,
  language: string,
): Drift[] {
  const drifts: Drift[] = [];
  let places = 0;
  for (const { owner, name, signature, line } of definitions) {
    const expected = owner === undefined ? functions.get(name) : canon.get(owner)?.get(name);
    const what = owner === undefined ? name : `${owner}.${name}`;
    if (owner === "Order" && name === "place") places += 1;
    if (places > 1 && owner === "Order" && name === "place") {
      drifts.push({ line, message: `a second ${language} Order.place on one page` });
    }
    // Members the canon does not list (accessors such as `lines`, private helpers) are the page's to show.
    if (expected === undefined) continue;
    if (signature !== expected) {
      drifts.push({ line, message: `${language} ${what} is\n    ${signature}\n  but the canon says\n    ${expected}` });
    }
  }
  return drifts;
}

// TypeScript ------------------------------------------------------------------------------------------------------

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function printNode(node: ts.Node, file: ts.SourceFile): string {
  return printer.printNode(ts.EmitHint.Unspecified, node, file).replace(/\s+/g, " ").trim();
}

function tsParameters(parameters: ts.NodeArray<ts.ParameterDeclaration>, file: ts.SourceFile): string {
  return parameters
    .map((parameter) => {
      const name = printNode(parameter.name, file);
      const optional = parameter.questionToken !== undefined || parameter.initializer !== undefined ? "?" : "";
      const type = parameter.type ? `: ${printNode(parameter.type, file)}` : "";
      return `${parameter.dotDotDotToken ? "..." : ""}${name}${optional}${type}`;
    })
    .join(", ");
}

/** One class member or function as a canon-style stub: `static of(a: number): Money`, `get total(): Money`. */
function tsMemberSignature(member: ts.Node, file: ts.SourceFile): { name: string; signature: string } | undefined {
  const isStatic = ts.canHaveModifiers(member)
    ? (ts.getModifiers(member) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)
    : false;
  const prefix = isStatic ? "static " : "";
  const returns = (type: ts.TypeNode | undefined) => (type ? `: ${printNode(type, file)}` : "");
  if (ts.isConstructorDeclaration(member)) {
    return { name: "constructor", signature: `constructor(${tsParameters(member.parameters, file)})` };
  }
  if (ts.isGetAccessorDeclaration(member) && member.name && ts.isIdentifier(member.name)) {
    const name = member.name.text;
    return { name, signature: `${prefix}get ${name}()${returns(member.type)}` };
  }
  if ((ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) && ts.isIdentifier(member.name)) {
    const name = member.name.text;
    return { name, signature: `${prefix}${name}(${tsParameters(member.parameters, file)})${returns(member.type)}` };
  }
  if (ts.isFunctionDeclaration(member) && member.name) {
    const name = member.name.text;
    return { name, signature: `${name}(${tsParameters(member.parameters, file)})${returns(member.type)}` };
  }
  return undefined;
}

function isPrivate(member: ts.ClassElement): boolean {
  const modifiers = ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : [];
  return (
    modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.PrivateKeyword) ||
    (member.name !== undefined && ts.isPrivateIdentifier(member.name))
  );
}

function parseTypeScript(code: string): ts.SourceFile {
  return ts.createSourceFile("snippet.ts", code, ts.ScriptTarget.ESNext, true, ts.ScriptKind.TS);
}

function tsStubSignature(stub: string): string {
  const file = parseTypeScript(`declare class Canon {\n${stub}\n}`);
  const declaration = file.statements[0];
  const member = declaration && ts.isClassDeclaration(declaration) ? declaration.members[0] : undefined;
  const signature = member ? tsMemberSignature(member, file)?.signature : undefined;
  if (signature === undefined) throw new Error(`the canon's TypeScript stub does not parse as a member: ${stub}`);
  return signature;
}

function canonByLanguage(language: "python" | "typescript", stubSignature: (stub: string) => string) {
  const nameOf = (stub: string) =>
    language === "typescript"
      ? (/(?:static\s+)?(?:get\s+)?([A-Za-z_$][\w$]*)\s*\(/.exec(stub)?.[1] ?? "")
      : (/def\s+([A-Za-z_]\w*)/.exec(stub)?.[1] ?? "");
  const classes = new Map<string, Map<string, string>>();
  for (const [name, element] of canonicalClasses) {
    classes.set(
      name,
      new Map(element.methods.map((method) => [nameOf(method[language]), stubSignature(method[language])])),
    );
  }
  const functions = new Map(
    canonicalFunctions.flatMap((element: ModelElement) =>
      element.methods.map((method) => [nameOf(method[language]), stubSignature(method[language])] as const),
    ),
  );
  return { classes, functions };
}

let tsCanon: ReturnType<typeof canonByLanguage> | undefined;

/** Signatures of the canonical classes and domain functions in the page's TypeScript blocks that differ from the canon. */
export function typescriptSignatureDrift(source: string): Drift[] {
  tsCanon ??= canonByLanguage("typescript", tsStubSignature);
  const definitions: Definition[] = [];
  const blocks = fencedBlocks(source).filter((block) => TYPESCRIPT_LANGS.has(block.lang) && !isCounterExample(block));
  for (const block of blocks) {
    const file = parseTypeScript(block.code);
    const lineOf = (node: ts.Node) => block.line + file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    for (const statement of file.statements) {
      if (ts.isClassDeclaration(statement) && statement.name && canonicalClasses.has(statement.name.text)) {
        const owner = statement.name.text;
        for (const member of statement.members) {
          if (isPrivate(member)) continue; // a private constructor or helper is the class's own business
          const found = tsMemberSignature(member, file);
          if (found) definitions.push({ owner, ...found, line: lineOf(member) });
        }
      } else if (ts.isFunctionDeclaration(statement)) {
        const found = tsMemberSignature(statement, file);
        if (found && tsCanon.functions.has(found.name))
          definitions.push({ owner: undefined, ...found, line: lineOf(statement) });
      }
    }
  }
  return compareDefinitions(definitions, tsCanon.classes, tsCanon.functions, "TypeScript");
}

// Python ----------------------------------------------------------------------------------------------------------

const SHAPES_SCRIPT = fileURLToPath(new URL("./python-shapes.py", import.meta.url));

interface PythonClass {
  readonly name: string;
  readonly bases: readonly string[];
  readonly methods: readonly { name: string; signature: string; line: number }[];
  readonly fields: readonly { name: string; classVar: boolean }[];
  readonly line: number;
}
/** What python-shapes.py reads from one snippet. */
export type PythonShapes =
  | { readonly error: string }
  | {
      readonly classes: readonly PythonClass[];
      readonly functions: readonly { name: string; signature: string; line: number }[];
    };

let pythonCanon: ReturnType<typeof canonByLanguage> | undefined;

/** Runs python-shapes.py once over every snippet and the canon's stubs. */
export function readPythonShapes(python: Python, snippets: readonly string[]): PythonShapes[] {
  const stubs = [...canonicalClasses.values(), ...canonicalFunctions].flatMap((element) =>
    element.methods.map((method) => method.python),
  );
  const run = spawnSync(python.command, [SHAPES_SCRIPT], {
    input: JSON.stringify({ snippets, stubs }),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0)
    throw new Error(`${python.command} ${SHAPES_SCRIPT} failed: ${run.stderr || run.error?.message}`);
  const result = JSON.parse(run.stdout) as { snippets: PythonShapes[]; stubs: string[] };
  const byStub = new Map(stubs.map((stub, index) => [stub, result.stubs[index] ?? ""]));
  pythonCanon ??= canonByLanguage("python", (stub) => byStub.get(stub) ?? "");
  return result.snippets;
}

/**
 * A counter-example shows what not to write (the "before" of a before-and-after, an anemic model); its classes are
 * wrong on purpose, so the signature checks skip it.
 */
export function isCounterExample(block: FencedBlock): boolean {
  return block.meta.some((word) => /^title=["']?(?:before|anemic)\b/.test(word));
}

/** The page's Python blocks, in page order, counter-examples left out: those the shape reader gets. */
export function pythonBlocks(source: string): FencedBlock[] {
  return fencedBlocks(source).filter((block) => PYTHON_LANGS.has(block.lang) && !isCounterExample(block));
}

/** Signature drift in a page's Python blocks, given their shapes (same order as `pythonBlocks`). */
export function pythonSignatureDrift(blocks: readonly FencedBlock[], shapes: readonly PythonShapes[]): Drift[] {
  if (!pythonCanon) throw new Error("readPythonShapes must run before pythonSignatureDrift");
  const definitions: Definition[] = [];
  blocks.forEach((block, index) => {
    const shape = shapes[index];
    if (!shape || "error" in shape) return; // fragments that do not parse are the syntax check's business
    for (const cls of shape.classes) {
      if (!canonicalClasses.has(cls.name)) continue;
      for (const method of cls.methods) {
        definitions.push({
          owner: cls.name,
          name: method.name,
          signature: method.signature,
          line: block.line + method.line,
        });
      }
    }
    for (const fn of shape.functions) {
      if (pythonCanon?.functions.has(fn.name)) {
        definitions.push({ owner: undefined, name: fn.name, signature: fn.signature, line: block.line + fn.line });
      }
    }
  });
  return compareDefinitions(definitions, pythonCanon.classes, pythonCanon.functions, "Python");
}

// Events ------------------------------------------------------------------------------------------------------------

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validators = new Map<string, ValidateFunction>();

function validatorFor(type: string, version: number): ValidateFunction | undefined {
  const key = `${type}@${version}`;
  const event = findIntegrationEvent(type, version);
  if (!event) return undefined;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(event.schema);
    validators.set(key, validate);
  }
  return validate;
}

const EVENT_TYPE = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/** Objects in a JSON value that look like integration-event messages: a dotted `type` and an envelope field. */
function eventMessages(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(eventMessages);
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const own =
    typeof record["type"] === "string" &&
    EVENT_TYPE.test(record["type"]) &&
    (eventTypes.has(record["type"]) || "occurredAt" in record || "occurred_at" in record || "version" in record)
      ? [record]
      : [];
  return [...own, ...Object.values(record).flatMap(eventMessages)];
}

/** JSON samples of integration events on the page that the catalog does not know or whose schema they fail. */
export function eventSampleDrift(source: string): Drift[] {
  const drifts: Drift[] = [];
  for (const block of fencedBlocks(source).filter((candidate) => candidate.lang === "json")) {
    let value: unknown;
    try {
      value = JSON.parse(block.code);
    } catch {
      continue; // JSON with ellipses or comments is prose in a code font, not a sample
    }
    for (const message of eventMessages(value)) {
      const type = String(message["type"]);
      const version = typeof message["version"] === "number" ? message["version"] : 1;
      const validate = validatorFor(type, version);
      if (!validate) {
        drifts.push({ line: block.line, message: `event "${type}" v${version} is not in the event catalog` });
      } else if (!validate(message)) {
        const errors = (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`);
        drifts.push({ line: block.line, message: `${type} v${version} sample fails its schema: ${errors.join("; ")}` });
      }
    }
  }
  return drifts;
}

const eventsByClass = new Map(integrationEvents.map((event) => [event.className, event]));

function schemaFields(className: string): { properties: Set<string>; required: Set<string> } | undefined {
  const event = eventsByClass.get(className);
  if (!event) return undefined;
  const properties = Object.keys((event.schema["properties"] ?? {}) as Record<string, unknown>);
  const required = (event.schema["required"] ?? []) as string[];
  return { properties: new Set(properties), required: new Set(required) };
}

/**
 * Field names the Python event classes declare (through Pydantic's camelCase alias generator) and the TypeScript
 * zod objects declare, compared with the catalog's schema: no field the schema lacks, and, where the page shows the
 * whole class (its base too), every required one.
 */
export function eventFieldDrift(source: string, pythonShapes: readonly PythonShapes[] | undefined): Drift[] {
  const drifts: Drift[] = [];
  if (pythonShapes) {
    const classes = pythonShapes.flatMap((shape) => ("error" in shape ? [] : shape.classes));
    const byName = new Map(classes.map((cls) => [cls.name, cls]));
    const blocks = pythonBlocks(source);
    pythonShapes.forEach((shape, index) => {
      if ("error" in shape) return;
      for (const cls of shape.classes) {
        const schema = schemaFields(cls.name);
        if (!schema) continue;
        const line = (blocks[index]?.line ?? 0) + cls.line;
        const lineage = [cls, ...cls.bases.map((base) => byName.get(base))];
        // ClassVars (an `event_type` constant, say) are not serialised by Pydantic, so they are not wire fields.
        const fields = lineage.flatMap((member) => member?.fields ?? []).filter((field) => !field.classVar);
        const declared = [...new Set(fields.map((field) => toCamel(field.name)))];
        for (const field of declared.filter((name) => !schema.properties.has(name))) {
          drifts.push({ line, message: `Python ${cls.name} declares "${field}", which the ${cls.name} schema lacks` });
        }
        if (lineage.every((member) => member !== undefined)) {
          for (const field of [...schema.required].filter((name) => !declared.includes(name))) {
            drifts.push({ line, message: `Python ${cls.name} has no field for the schema's required "${field}"` });
          }
        }
      }
    });
  }
  for (const block of fencedBlocks(source).filter((candidate) => TYPESCRIPT_LANGS.has(candidate.lang))) {
    const file = parseTypeScript(block.code);
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const className = node.name.text.charAt(0).toUpperCase() + node.name.text.slice(1);
        const schema = schemaFields(className);
        const object = schema ? zodObjectLiteral(node.initializer) : undefined;
        if (schema && object) {
          const line = block.line + file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
          const keys = object.properties.flatMap((property) =>
            ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
              ? [property.name.text]
              : [],
          );
          for (const key of keys.filter((name) => !schema.properties.has(name))) {
            drifts.push({ line, message: `TypeScript ${node.name.text} declares "${key}", which the schema lacks` });
          }
          if (!object.properties.some(ts.isSpreadAssignment)) {
            for (const field of [...schema.required].filter((name) => !keys.includes(name))) {
              drifts.push({
                line,
                message: `TypeScript ${node.name.text} has no field for the schema's required "${field}"`,
              });
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return drifts;
}

/** The object literal of `z.object({...})` (or `something.extend({...})`) at the head of a zod chain. */
function zodObjectLiteral(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
  let current: ts.Expression = expression;
  while (ts.isCallExpression(current)) {
    const callee = current.expression;
    if (ts.isPropertyAccessExpression(callee) && ["object", "strictObject", "looseObject"].includes(callee.name.text)) {
      const argument = current.arguments[0];
      return argument && ts.isObjectLiteralExpression(argument) ? argument : undefined;
    }
    current = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
  }
  return undefined;
}
