import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startServer, type RunningServer } from "../../src/main.ts";

type Span = {
  name: string;
  spanId: string;
  parentSpanId: string | null;
  kind: string;
  layer: string | null;
  attributes: Record<string, unknown>;
};
type Trace = { traceId: string; name: string; spans: Span[] };

// main.ts over PGlite in this process, as `npm start` and the sandbox run it: the trace of one request goes
// from the route through the use case and the repository down to each SQL statement.
describe("main.ts records a trace per request and serves the recent ones at /_guide/traces", () => {
  let server: RunningServer;
  before(
    async () => {
      server = await startServer({ port: 0, hostname: "127.0.0.1" });
    },
    { timeout: 60_000 },
  );
  after(() => server?.shutdown());

  it("route → use case → repository → one SQL span per statement, with the database attributes", async () => {
    const response = await fetch(`${server.url}/orders?limit=3&lines=per-order`);
    assert.equal(response.status, 200);
    const traceId = /^00-([0-9a-f]{32})-/.exec(response.headers.get("traceparent") ?? "")?.[1];
    assert.ok(traceId, "the response echoes a W3C traceparent");

    const { traces } = (await (await fetch(`${server.url}/_guide/traces?traceId=${traceId}`)).json()) as {
      traces: Trace[];
    };
    const spans = traces[0]?.spans ?? [];
    const route = spans.find((span) => span.name === "GET /orders");
    const useCase = spans.find((span) => span.name === "ListOrdersUseCase.execute");
    const repository = spans.find((span) => span.name === "KyselyOrderQueries.listPage");
    assert.equal(route?.parentSpanId, null);
    assert.equal(useCase?.layer, "application");
    assert.equal(useCase?.parentSpanId, route?.spanId);
    assert.equal(repository?.layer, "infrastructure");
    assert.equal(repository?.parentSpanId, useCase?.spanId);

    const queries = spans.filter((span) => span.parentSpanId === repository?.spanId);
    // 1 + N: the page, then one query per order's lines (the X-Query-Count header says the same).
    assert.equal(queries.length, Number(response.headers.get("X-Query-Count")));
    assert.equal(queries.length, 4);
    for (const query of queries) {
      assert.equal(query.name, "SELECT");
      assert.equal(query.kind, "client");
      assert.equal(query.attributes["db.system.name"], "postgresql");
      assert.match(String(query.attributes["db.query.text"]), /^select /i);
    }
  });

  it("records no trace for start-up's migrations, nor for its own requests", async () => {
    const { traces } = (await (await fetch(`${server.url}/_guide/traces`)).json()) as { traces: Trace[] };
    assert.ok(traces.length > 0);
    assert.ok(
      traces.every((trace) => trace.spans[0]?.kind === "server"),
      traces.map((trace) => trace.name).join(", "),
    );
  });
});

describe("with NODE_ENV=production", () => {
  let server: RunningServer;
  const previous = process.env.NODE_ENV;
  before(
    async () => {
      process.env.NODE_ENV = "production";
      server = await startServer({ port: 0, hostname: "127.0.0.1" });
    },
    { timeout: 60_000 },
  );
  after(async () => {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
    await server?.shutdown();
  });

  it("does not serve /_guide/traces: 404 like any unknown path", async () => {
    assert.equal((await fetch(`${server.url}/_guide/traces`)).status, 404);
  });
});
