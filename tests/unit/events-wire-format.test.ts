/**
 * The events page promises one wire format: its Python (Pydantic with an alias generator) and its TypeScript (zod)
 * produce and parse exactly the catalog's JSON. These tests run the page's own code blocks against the catalog's
 * `order.confirmed` sample, so a page edit that writes `minor_units`, drops `type` or changes the timestamp format fails.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { stripTypeScriptTypes } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findIntegrationEvent } from "../../src/canon/index.ts";
import { fencedBlocks, type FencedBlock } from "./content/markdown-blocks.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const page = readFileSync(join(root, "content/docs/distributed-systems/events-and-sagas.mdx"), "utf8");
const blocks = fencedBlocks(page);
const sample = findIntegrationEvent("order.confirmed")?.sample ?? {};

/** The page's blocks of one language whose title starts with `file`, in page order, joined as one module. */
function moduleFromPage(lang: string, file: string): string {
  const titled = (block: FencedBlock) => block.meta.find((word) => word.startsWith("title="))?.slice(7, -1) ?? "";
  const parts = blocks.filter((block) => block.lang === lang && titled(block).startsWith(file));
  if (parts.length === 0) throw new Error(`the events page has no ${lang} block titled ${file}`);
  return parts.map((block) => block.code).join("\n\n");
}

describe("the events page's TypeScript (zod) speaks the catalog's wire format", () => {
  // The page's module, types stripped and imports replaced by what the test hands in.
  const source = stripTypeScriptTypes(moduleFromPage("ts", "src/application/integration-events.ts"))
    .replace(/^import .*$/gm, "")
    .replace(/^export /gm, "");
  const module = new Function("z", `${source}\nreturn { OrderConfirmedV1, toIntegrationEvent };`)(z) as {
    OrderConfirmedV1: { type: string; parse: (json: unknown) => unknown };
    toIntegrationEvent: (event: unknown) => unknown;
  };

  it("parses the catalog's sample into exactly that JSON", () => {
    expect(module.OrderConfirmedV1.type).toBe("order.confirmed");
    expect(module.OrderConfirmedV1.parse(structuredClone(sample))).toEqual(sample);
  });

  it("refuses a message in another format", () => {
    const snakeCase = { ...sample, order_id: sample["orderId"], orderId: undefined };
    expect(() => module.OrderConfirmedV1.parse(snakeCase)).toThrow();
    expect(() => module.OrderConfirmedV1.parse({ ...sample, type: undefined })).toThrow();
  });

  it("translates the domain event into exactly the catalog's JSON", () => {
    // A stand-in for the domain's Money: a class instance, so handing it to the wire unconverted is caught.
    class Money {
      readonly minorUnits: number;
      readonly currency: string;
      constructor(minorUnits: number, currency: string) {
        this.minorUnits = minorUnits;
        this.currency = currency;
      }
    }
    const money = (value: unknown) => {
      const { minorUnits, currency } = value as { minorUnits: number; currency: string };
      return new Money(minorUnits, currency);
    };
    const discount = sample["discount"] as { source: string; percent: number; amount: unknown };
    const domainEvent = {
      type: "OrderConfirmed",
      id: sample["id"],
      occurredAt: new Date(String(sample["occurredAt"])),
      orderId: sample["orderId"],
      customerId: sample["customerId"],
      discount: { source: discount.source, percent: discount.percent, amount: money(discount.amount) },
      total: money(sample["total"]),
    };
    expect(module.toIntegrationEvent(domainEvent)).toStrictEqual(sample);
  });
});

/** An interpreter that can run the page's Python models: 3.11 or newer, with Pydantic 2. */
function pythonWithPydantic(): string | undefined {
  const pyenv = join(process.env["PYENV_ROOT"] ?? join(homedir(), ".pyenv"), "versions");
  const installed = existsSync(pyenv)
    ? readdirSync(pyenv).map((version) => join(pyenv, version, "bin", "python3"))
    : [];
  const override = process.env["CONTENT_PYTHON"];
  const candidates = override ? [override] : ["python3", "python3.13", "python3.12", ...installed];
  const probe = "import sys, pydantic; assert sys.version_info >= (3, 11) and pydantic.VERSION.startswith('2')";
  return candidates.find((command) => spawnSync(command, ["-c", probe], { stdio: "ignore" }).status === 0);
}

const RUN_PYTHON = `
import json, sys
from datetime import datetime

request = json.load(sys.stdin)
namespace = {}
exec(request["code"], namespace)
event_class = namespace["OrderConfirmedV1"]
sample = request["sample"]
parsed = event_class.from_json(json.dumps(sample))
built = event_class(
    id=sample["id"],
    occurred_at=datetime.fromisoformat(sample["occurredAt"]),
    order_id=sample["orderId"],
    customer_id=sample["customerId"],
    discount=namespace["DiscountV1"](
        source=sample["discount"]["source"],
        percent=sample["discount"]["percent"],
        amount=namespace["MoneyV1"](**sample["discount"]["amount"]),
    ),
    total=namespace["MoneyV1"](**sample["total"]),
)
print(json.dumps({
    "eventType": event_class.event_type(),
    "roundTrip": parsed.to_wire(),
    "built": json.loads(built.to_json()),
}))
`;

const python = pythonWithPydantic();
const noPython = "skipped: no Python 3.11+ with Pydantic 2 found to run the page's models (set CONTENT_PYTHON)";

describe.skipIf(!python)(
  python ? "the events page's Python (Pydantic) speaks the catalog's wire format" : noPython,
  () => {
    it("reads the sample and writes it back byte for byte, and writes it from snake_case attributes", () => {
      // The shared models and the order event's contract; the translation needs the domain and is left out.
      const code = [
        moduleFromPage("python", "shop/shared/integration_events.py"),
        blocks.find((block) => block.code.includes("class OrderConfirmedV1(IntegrationEvent)"))?.code ?? "",
      ].join("\n\n");
      const run = spawnSync(python ?? "python3", ["-c", RUN_PYTHON], {
        input: JSON.stringify({ code, sample }),
        encoding: "utf8",
      });
      expect(run.stderr).toBe("");
      const result = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(result["eventType"]).toBe("order.confirmed");
      expect(result["roundTrip"]).toEqual(sample);
      expect(result["built"]).toEqual(sample);
    });
  },
);

if (!python) console.warn(`events wire format: ${noPython}`);
