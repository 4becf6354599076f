import assert from "node:assert/strict";
import { test } from "node:test";
import { SingleFlight } from "../../src/application/single-flight.ts";

test("concurrent runs for one key share one load; other keys load on their own", async () => {
  const flight = new SingleFlight<string>();
  let loads = 0;
  const { promise: gate, resolve: open } = Promise.withResolvers<void>();
  const load = (value: string) => async () => {
    loads += 1;
    await gate;
    return value;
  };
  const results = Promise.all([
    flight.run("k", load("first")),
    flight.run("k", load("second")),
    flight.run("k", load("third")),
    flight.run("other", load("other")),
  ]);
  open();
  assert.deepEqual(await results, ["first", "first", "first", "other"]);
  assert.equal(loads, 2);
  assert.deepEqual(flight.counters(), { started: 2, joined: 2 });
});

test("a finished load is not reused: the next run loads again", async () => {
  const flight = new SingleFlight<number>();
  let loads = 0;
  await flight.run("k", async () => ++loads);
  assert.equal(await flight.run("k", async () => ++loads), 2);
});

test("a failure reaches every waiter and is not remembered", async () => {
  const flight = new SingleFlight<string>();
  const failing = async () => {
    throw new Error("database down");
  };
  await Promise.all([
    assert.rejects(flight.run("k", failing), /database down/),
    assert.rejects(flight.run("k", failing), /database down/),
  ]);
  assert.equal(await flight.run("k", async () => "recovered"), "recovered");
});

test("forget detaches a running load: it learns it is stale, and the next run starts afresh", async () => {
  const flight = new SingleFlight<string>();
  const { promise: gate, resolve: open } = Promise.withResolvers<void>();
  let staleSeen: boolean | undefined;
  const old = flight.run("k", async (isCurrent) => {
    await gate;
    staleSeen = !isCurrent();
    return "old";
  });
  flight.forget("k");
  assert.equal(await flight.run("k", async () => "new"), "new");
  open();
  assert.equal(await old, "old");
  assert.equal(staleSeen, true);
});
