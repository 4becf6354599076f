import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildTestApp, postJson } from "./test-app.ts";

/** The value of one sample line in /metrics, e.g. `cache_hits_total{cache="products"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("/metrics", () => {
  it("labels requests by route template, so two order ids make one series", async () => {
    const { app } = await buildTestApp();
    await app.request("/orders/o-1");
    await app.request("/orders/o-404");
    await app.request("/orders/o-1");
    const text = await (await app.request("/metrics")).text();
    assert.equal(sample(text, 'http_requests_total{method="GET",route="/orders/:id",status="200"}'), 2);
    assert.equal(sample(text, 'http_requests_total{method="GET",route="/orders/:id",status="404"}'), 1);
    assert.doesNotMatch(text, /o-404|route="\/orders\/o-1"/);
  });

  it("puts every unknown path under the one route label unmatched, whatever a scanner tries", async () => {
    const { app } = await buildTestApp();
    await app.request("/wp-login.php");
    await app.request("/.env");
    const text = await (await app.request("/metrics")).text();
    assert.equal(sample(text, 'http_requests_total{method="GET",route="unmatched",status="404"}'), 2);
  });

  it("fills the duration histogram's buckets, cumulatively, with a count and a sum", async () => {
    const { app } = await buildTestApp();
    await app.request("/orders", postJson({ lines: [{ productId: "p-1", quantity: 1 }] }));
    const text = await (await app.request("/metrics")).text();
    const labels = 'method="POST",route="/orders",status="201"';
    assert.equal(sample(text, `http_request_duration_seconds_bucket{le="+Inf",${labels}}`), 1);
    assert.equal(sample(text, `http_request_duration_seconds_count{${labels}}`), 1);
    assert.ok((sample(text, `http_request_duration_seconds_sum{${labels}}`) ?? -1) > 0);
    assert.match(text, /^# TYPE http_requests_in_flight gauge$/m);
  });

  it("counts cache misses then hits, and times repository and cache calls", async () => {
    const { app } = await buildTestApp();
    await app.request("/products/p-1");
    await app.request("/products/p-1");
    const text = await (await app.request("/metrics")).text();
    assert.equal(sample(text, 'cache_misses_total{cache="products"}'), 1);
    assert.equal(sample(text, 'cache_hits_total{cache="products"}'), 1);
    const findByIds = 'repository="products",operation="findByIds",outcome="ok"';
    assert.equal(sample(text, `repository_operation_duration_seconds_count{${findByIds}}`), 1);
    assert.equal(
      sample(text, 'cache_operation_duration_seconds_count{cache="products",operation="get",outcome="ok"}'),
      2,
    );
  });

  it("answers in Prometheus's text format and does not count its own scrapes", async () => {
    const { app } = await buildTestApp();
    const response = await app.request("/metrics");
    assert.match(response.headers.get("Content-Type") ?? "", /^text\/plain; version=0\.0\.4/);
    assert.doesNotMatch(await (await app.request("/metrics")).text(), /route="\/metrics"/);
  });
});
