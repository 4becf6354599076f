import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  brokenProblemLinks,
  eventFieldDrift,
  eventSampleDrift,
  pythonBlocks,
  pythonSignatureDrift,
  readPythonShapes,
  typescriptSignatureDrift,
  unknownRuleIds,
  type Drift,
  type PythonShapes,
} from "./content/canon-drift.ts";
import { findPython, GUIDE_PYTHON, isAtLeast } from "./content/code-syntax.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const docsDir = join(root, "content", "docs");

const pages = readdirSync(docsDir, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith(".mdx"))
  .map((entry) => relative(docsDir, join(entry.parentPath, entry.name)).split(sep).join("/"))
  .sort()
  .map((page) => ({ page, source: readFileSync(join(docsDir, page), "utf8") }));

const report = (page: string, drifts: readonly Drift[]) =>
  drifts.map((drift) => `content/docs/${page}:${drift.line}: ${drift.message}`);

const python = findPython();
const pythonForGuide = python && isAtLeast(python, GUIDE_PYTHON) ? python : undefined;
const noPython = `skipped: no Python ${GUIDE_PYTHON.join(".")}+ found to read the Python blocks with ast (set CONTENT_PYTHON)`;

/** Python shapes for every page (one interpreter run), plus any doctored pages a test adds. */
function shapesFor(sources: readonly string[]): PythonShapes[][] {
  if (!pythonForGuide) return [];
  const perPage = sources.map((source) => pythonBlocks(source).map((block) => block.code));
  const flat = readPythonShapes(pythonForGuide, perPage.flat());
  let next = 0;
  return perPage.map((codes) => codes.map(() => flat[next++] as PythonShapes));
}

describe("pages agree with the canon (src/canon)", () => {
  it.each(pages)("$page names only rule ids from the rule catalog", ({ page, source }) => {
    expect(report(page, unknownRuleIds(source))).toEqual([]);
  });

  it.each(pages)("$page links problem types only to anchors of /reference/problems/", ({ page, source }) => {
    expect(report(page, brokenProblemLinks(source))).toEqual([]);
  });

  it.each(pages)("$page shows the canon's TypeScript signatures, and at most one Order.place", ({ page, source }) => {
    expect(report(page, typescriptSignatureDrift(source))).toEqual([]);
  });

  it.each(pages)("$page: every integration-event JSON sample validates against the catalog", ({ page, source }) => {
    expect(report(page, eventSampleDrift(source))).toEqual([]);
  });

  describe.skipIf(!pythonForGuide)(pythonForGuide ? "Python blocks, read with ast" : noPython, () => {
    let shapes: PythonShapes[][] = [];
    beforeAll(() => {
      shapes = shapesFor(pages.map(({ source }) => source));
    });

    it.each(pages.map((entry, index) => ({ ...entry, index })))(
      "$page shows the canon's Python signatures, and at most one Order.place",
      ({ page, source, index }) => {
        expect(report(page, pythonSignatureDrift(pythonBlocks(source), shapes[index] ?? []))).toEqual([]);
      },
    );

    it.each(pages.map((entry, index) => ({ ...entry, index })))(
      "$page: event classes in both tabs declare the catalog's wire fields",
      ({ page, source, index }) => {
        expect(report(page, eventFieldDrift(source, shapes[index]))).toEqual([]);
      },
    );
  });
});

/** A real page with one thing changed, so each check is shown to fail on a page that drifted. */
function doctor(page: string, from: string | RegExp, to: string): string {
  const source = pages.find((entry) => entry.page === page)?.source ?? "";
  const doctored = source.replace(from, to);
  if (doctored === source) throw new Error(`could not doctor ${page}: ${String(from)} not found`);
  return doctored;
}

const tabs = (python: string, typescript: string) =>
  [
    '<Tabs syncKey="lang">',
    '  <TabItem label="Python">',
    "    ```python",
    ...python.split("\n").map((line) => `    ${line}`),
    "    ```",
    "  </TabItem>",
    '  <TabItem label="TypeScript">',
    "    ```ts",
    ...typescript.split("\n").map((line) => `    ${line}`),
    "    ```",
    "  </TabItem>",
    "</Tabs>",
  ].join("\n");

describe("each drift check fails on a doctored page", () => {
  it("catches a rule id the catalog does not have, in code and in prose", () => {
    const inCode = doctor("foundations/domain-driven-design.mdx", '"order.not-empty"', '"order.has-lines"');
    expect(unknownRuleIds(inCode).map((drift) => drift.message)).toContain(
      'rule id "order.has-lines" is not in the rule catalog (src/canon/rules.ts)',
    );
    expect(unknownRuleIds("The rule `order-line.in-stock` refuses it.")).toHaveLength(1);
    expect(unknownRuleIds('```ts\nthrow new StateConflictError("shipping.zone", "no zone");\n```')).toHaveLength(1);
    // Attributes in prose, and event types or consumer names in code, are not rule ids.
    expect(unknownRuleIds('`order.total` is a property.\n\n```python\nx = "order.placed"\n```')).toEqual([]);
    expect(
      unknownRuleIds('```ts\nawait bus.subscribe(OrderConfirmedV1, "email.order-confirmation", send);\n```'),
    ).toEqual([]);
    expect(unknownRuleIds('```json\n{ "rule": "order.has-lines" }\n```')).toHaveLength(1);
  });

  it("catches a problem type that leads nowhere", () => {
    expect(brokenProblemLinks('"type": "https://field-guide.example/problems/not-found"')).toHaveLength(1);
    expect(brokenProblemLinks("[see](/reference/problems/#no-such-problem)")).toHaveLength(1);
    expect(brokenProblemLinks('"https://backend-field-guide.dev/reference/problems/#not-found"')).toEqual([]);
  });

  it("catches a TypeScript Order.place that is not the canon's, and a second one", () => {
    const wrong =
      "export class Order {\n  static place(customerId: string, lines: OrderLine[]): Order {\n    return new Order();\n  }\n}";
    expect(typescriptSignatureDrift(tabs("", wrong))[0]?.message).toMatch(/TypeScript Order\.place is/);
    const canon =
      "export class Order {\n  static place(input: { id: OrderId; customerId: CustomerId; lines: readonly NewOrderLine[]; promoCode: string | null; now: Date }): Order {\n    throw new Error();\n  }\n}";
    expect(typescriptSignatureDrift(tabs("", canon))).toEqual([]);
    expect(typescriptSignatureDrift(`${tabs("", canon)}\n\n${tabs("", canon)}`).map((drift) => drift.message)).toEqual([
      "a second TypeScript Order.place on one page",
    ]);
    expect(typescriptSignatureDrift(tabs("", "export class Money {\n  add(other: number): Money {}\n}"))).toHaveLength(
      1,
    );
  });

  it("catches an event sample that breaks its schema or is not in the catalog", () => {
    const sample = '```json\n{ "type": "order.cancelled", "version": 1, "id": "nope", "occurredAt": "yesterday" }\n```';
    expect(eventSampleDrift(sample)[0]?.message).toMatch(/order\.cancelled v1 sample fails its schema/);
    expect(eventSampleDrift('```json\n{ "type": "order.teleported", "version": 1 }\n```')).toHaveLength(1);
  });

  it("catches zod event fields the schema lacks or misses", () => {
    const zod = "const orderCancelledV1 = z.object({ type: z.literal('order.cancelled'), order_id: z.string() });";
    const messages = eventFieldDrift(tabs("", zod), undefined).map((drift) => drift.message);
    expect(messages).toContain('TypeScript orderCancelledV1 declares "order_id", which the schema lacks');
    expect(messages.some((message) => message.includes('required "orderId"'))).toBe(true);
  });

  it.skipIf(!pythonForGuide)("catches Python signatures and event fields that drifted (needs Python 3.12+)", () => {
    const place = "class Order:\n    @classmethod\n    def place(cls, customer_id: str, lines: list) -> 'Order': ...";
    const event = "class OrderCancelledV1(BaseModel):\n    order_id: str\n    cancelled_by: str";
    const page = tabs(`${place}\n\n\n${event}`, "");
    const [shapes = []] = shapesFor([page]);
    expect(pythonSignatureDrift(pythonBlocks(page), shapes)[0]?.message).toMatch(/Python Order\.place is/);
    expect(eventFieldDrift(page, shapes).map((drift) => drift.message)).toContain(
      'Python OrderCancelledV1 declares "cancelledBy", which the OrderCancelledV1 schema lacks',
    );
  });
});
