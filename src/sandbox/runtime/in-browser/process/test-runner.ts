/**
 * node:test inside one test-file process: test/it, describe/suite, hooks, skip/todo/only,
 * subtests (t.test), done callbacks, per-test timeouts (`--test-timeout`), and Node's spec
 * reporter lines. The page sums each file's counts into Node's closing totals.
 */
import type { TestCounts } from "../protocol.ts";
import { mapBlobUrls, post, readableStack, write } from "./host.ts";
import { inspect } from "util";

// The runner's own timers (--test-timeout, the start of the run) keep real time even while a test has
// mock.timers enabled, as Node's runner does: captured before any test can replace the globals.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const realClearTimeout = globalThis.clearTimeout.bind(globalThis);

type Fn = (...args: never[]) => unknown;
type HookKind = "before" | "after" | "beforeEach" | "afterEach";

export interface TestOptions {
  readonly skip?: boolean | string;
  readonly todo?: boolean | string;
  readonly only?: boolean;
  readonly timeout?: number;
  readonly concurrency?: number | boolean;
  readonly signal?: AbortSignal;
  readonly plan?: number;
}

class Hooks {
  readonly before: Fn[] = [];
  readonly after: Fn[] = [];
  readonly beforeEach: Fn[] = [];
  readonly afterEach: Fn[] = [];
}

interface Node {
  readonly kind: "suite" | "test";
  readonly name: string;
  readonly options: TestOptions;
  readonly fn: Fn | undefined;
  readonly parent: Group;
  readonly depth: number;
  readonly location: string;
}

interface Group {
  readonly children: Node[];
  readonly hooks: Hooks;
  readonly parentGroup: Group | undefined;
}

const counts: TestCounts = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
const failures: string[] = [];
const root: Group = { children: [], hooks: new Hooks(), parentGroup: undefined };
let defaultTimeout = Infinity;
let fileLabel = "";
/** The group new test()/describe()/hooks register in: a suite while its body runs, else the root. */
let collecting: Group = root;
let rootRunning: Promise<void> | undefined;
let rootIndex = 0;

export function configureTests(options: { timeoutMs: number; file: string }): void {
  defaultTimeout = options.timeoutMs;
  fileLabel = options.file;
}

/** `file:line:column` of the test() call, as the failing-tests list shows it. */
function callSite(): string {
  const stack = mapBlobUrls(new Error().stack ?? "");
  for (const line of stack.split("\n").slice(1)) {
    const match = /(file:\/\/\/[^\s)]+?):(\d+):(\d+)/.exec(line);
    if (match && !/\/_runtime\//.test(line)) {
      const path = match[1]!.replace(/^file:\/\/\/sandbox\/[^/]+\//, "");
      return `${path}:${match[2]}:${match[3]}`;
    }
  }
  return fileLabel;
}

function parseArgs(args: unknown[]): { name: string; options: TestOptions; fn: Fn | undefined } {
  let name = "<anonymous>";
  let options: TestOptions = {};
  let fn: Fn | undefined;
  for (const arg of args) {
    if (typeof arg === "string") name = arg;
    else if (typeof arg === "function") {
      fn = arg as Fn;
      if (name === "<anonymous>" && arg.name) name = arg.name;
    } else if (arg && typeof arg === "object") options = arg as TestOptions;
  }
  return { name, options, fn };
}

const round = (ms: number) => `${ms.toFixed(6).replace(/\.?0+$/, "")}ms`;
const indent = (depth: number) => "  ".repeat(depth);

function describeError(error: unknown, depth: number): string {
  let text: string;
  if (typeof error === "string") text = `'${error}'`;
  else if (error instanceof Error) {
    const own = Object.fromEntries(Object.entries(error).filter(([key]) => key !== "stack" && key !== "message"));
    const stack = readableStack(error.stack ?? `${error.name}: ${error.message}`);
    const header = stack.startsWith(error.name) ? stack : `${error.name}: ${error.message}\n${stack}`;
    text = Object.keys(own).length > 0 ? `${header} ${inspect(own, { depth: 2 })}` : header;
    if (error.cause !== undefined) text += `\n[cause]: ${describeError(error.cause, 0)}`;
  } else text = inspect(error);
  return text
    .split("\n")
    .map((line) => indent(depth) + line)
    .join("\n");
}

class TimeoutFailure extends Error {}

/** Runs `fn` with Node's conventions: a returned promise, or a done callback when it takes one more argument. */
function invoke(fn: Fn, context: unknown, callbackArity: number, timeout: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof realSetTimeout> | undefined;
    if (Number.isFinite(timeout)) {
      timer = realSetTimeout(() => reject(new TimeoutFailure(`test timed out after ${timeout}ms`)), timeout);
      (timer as { unref?: () => void }).unref?.();
    }
    const settle = (error?: unknown) => {
      if (timer !== undefined) realClearTimeout(timer);
      if (error !== undefined && error !== null) reject(error);
      else resolve();
    };
    try {
      if (fn.length >= callbackArity) {
        (fn as (context: unknown, done: (error?: unknown) => void) => unknown)(context, settle);
        return;
      }
      const result = (fn as (context: unknown) => unknown)(context);
      if (result && typeof (result as PromiseLike<unknown>).then === "function")
        (result as PromiseLike<unknown>).then(
          () => settle(),
          (error: unknown) => settle(error ?? new Error("rejected")),
        );
      else settle();
    } catch (error) {
      settle(error);
    }
  });
}

function ancestors(group: Group): Group[] {
  const chain: Group[] = [];
  for (let current: Group | undefined = group; current; current = current.parentGroup) chain.unshift(current);
  return chain;
}

interface Outcome {
  readonly status: "pass" | "fail" | "cancelled" | "skip" | "todo";
  readonly error?: unknown;
  /** The skip/todo message Node prints after `#` (SKIP/TODO when none was given). */
  readonly message?: string;
}

/** The message of a skip/todo option: a string as given, SKIP/TODO for `true`. */
function directiveOf(value: unknown, fallback: "SKIP" | "TODO"): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}

const SUBTESTS_FAILED = /^\d+ subtests? failed$/;

/** The `t` every test function receives. */
class TestContext {
  readonly #group: Group;
  readonly #depth: number;
  readonly #after: Fn[] = [];
  readonly #pending: Promise<Outcome>[] = [];
  readonly #controller = new AbortController();
  readonly name: string;
  readonly fullName: string;
  /** Set by t.skip()/t.todo(): undefined, or the message (true when none was given). */
  skipped: string | true | undefined;
  todoed: string | true | undefined;

  constructor(name: string, group: Group, depth: number) {
    this.name = name;
    this.fullName = name;
    this.#group = group;
    this.#depth = depth;
  }
  get signal(): AbortSignal {
    return this.#controller.signal;
  }
  get assert(): unknown {
    throw new Error("t.assert is not available in the in-browser runtime: import node:assert/strict instead.");
  }
  get mock(): unknown {
    throw new Error(
      "t.mock (node:test mocking) is not available in the in-browser runtime; run the example with Node to use it.",
    );
  }
  diagnostic(message: string): void {
    write("stdout", `${indent(this.#depth + 1)}ℹ ${message}\n`);
  }
  skip(message?: string): void {
    this.skipped = message ?? true;
  }
  todo(message?: string): void {
    this.todoed = message ?? true;
  }
  plan(): void {}
  runOnly(): void {}
  after(fn: Fn): void {
    this.#after.push(fn);
  }
  before(fn: Fn): void {
    this.#group.hooks.before.push(fn);
  }
  beforeEach(fn: Fn): void {
    this.#group.hooks.beforeEach.push(fn);
  }
  afterEach(fn: Fn): void {
    this.#group.hooks.afterEach.push(fn);
  }
  test(...args: unknown[]): Promise<void> {
    const { name, options, fn } = parseArgs(args);
    const node: Node = {
      kind: "test",
      name,
      options,
      fn,
      parent: this.#group,
      depth: this.#depth + 1,
      location: callSite(),
    };
    printHeaderFor(this);
    const running = runNode(node);
    this.#pending.push(running);
    return running.then(() => undefined);
  }
  async finish(): Promise<{ subtestFailures: number }> {
    const outcomes = await Promise.all(this.#pending);
    for (const fn of this.#after.reverse()) await invoke(fn, this, 2, Infinity);
    return { subtestFailures: outcomes.filter((outcome) => outcome.status === "fail").length };
  }
  abort(): void {
    this.#controller.abort();
  }
}

/** Prints the `▶ name` line of a test once, before its first subtest's line. */
const headersPrinted = new WeakSet<object>();

function report(node: Node, outcome: Outcome, ms: number): void {
  const pad = indent(node.depth);
  const failingTodo = outcome.status === "todo" && outcome.error !== undefined;
  const symbol = { pass: "✔", fail: "✖", cancelled: "✖", skip: "﹣", todo: failingTodo ? "⚠" : "✔" }[outcome.status];
  const directive = outcome.status === "skip" || outcome.status === "todo" ? ` # ${outcome.message}` : "";
  const line = `${symbol} ${node.name} (${round(ms)})${directive}`;
  write("stdout", `${pad}${line}\n`);
  // As in Node: a parent failing only because a subtest failed is not listed again.
  const listed = outcome.status === "fail" || outcome.status === "cancelled" || failingTodo;
  if (listed && !(typeof outcome.error === "string" && SUBTESTS_FAILED.test(outcome.error)))
    failures.push(`test at ${node.location}\n${line}\n${describeError(outcome.error, 1)}`);
}

/** Runs one test or suite with its hooks; prints its line; counts it. */
async function runNode(node: Node): Promise<Outcome> {
  const started = performance.now();
  const parentChain = ancestors(node.parent);
  if (node.kind === "suite") return runSuite(node, started);

  counts.tests += 1;
  const skip = node.options.skip;
  const todo = node.options.todo;
  if (skip !== undefined && skip !== false) {
    counts.skipped += 1;
    const outcome: Outcome = { status: "skip", message: directiveOf(skip, "SKIP") };
    report(node, outcome, performance.now() - started);
    return outcome;
  }
  // A test without a function is a todo that still runs its hooks, as in Node.
  const fn: Fn = node.fn ?? (() => undefined);
  const todoOption = node.fn ? todo : (todo ?? true);
  const group: Group = { children: [], hooks: new Hooks(), parentGroup: node.parent };
  const context = new TestContext(node.name, group, node.depth);
  headerTracker.set(context, node);
  let outcome: Outcome = { status: "pass" };
  const timeout = node.options.timeout ?? defaultTimeout;
  try {
    for (const chain of parentChain) for (const hook of chain.hooks.beforeEach) await invoke(hook, context, 2, timeout);
    await withCurrent(context, () => invoke(fn, context, 2, timeout));
    const { subtestFailures } = await context.finish();
    if (subtestFailures > 0) {
      outcome = { status: "fail", error: `${subtestFailures} subtest${subtestFailures === 1 ? "" : "s"} failed` };
    }
  } catch (error) {
    outcome =
      error instanceof TimeoutFailure ? { status: "cancelled", error: error.message } : { status: "fail", error };
    context.abort();
  }
  try {
    for (const chain of [...parentChain].reverse())
      for (const hook of chain.hooks.afterEach) await invoke(hook, context, 2, timeout);
  } catch (error) {
    if (outcome.status === "pass") outcome = { status: "fail", error };
  }
  if (context.skipped !== undefined && outcome.status === "pass")
    outcome = { status: "skip", message: directiveOf(context.skipped, "SKIP") };
  if ((todoOption !== undefined && todoOption !== false) || context.todoed !== undefined)
    outcome = { status: "todo", error: outcome.error, message: directiveOf(context.todoed ?? todoOption, "TODO") };
  counts[
    { pass: "pass", fail: "fail", cancelled: "cancelled", skip: "skipped", todo: "todo" }[
      outcome.status
    ] as keyof TestCounts
  ] += 1;
  report(node, outcome, performance.now() - started);
  return outcome;
}

const headerTracker = new WeakMap<TestContext, Node>();
let currentContext: TestContext | undefined;

async function withCurrent<T>(context: TestContext, work: () => Promise<T>): Promise<T> {
  const previous = currentContext;
  currentContext = context;
  try {
    return await work();
  } finally {
    currentContext = previous;
  }
}

/** Before a subtest's first line, its parent's `▶ name` header. */
function printHeaderFor(context: TestContext | undefined): void {
  if (!context || headersPrinted.has(context)) return;
  const node = headerTracker.get(context);
  if (!node) return;
  headersPrinted.add(context);
  write("stdout", `${indent(node.depth)}▶ ${node.name}\n`);
}

async function runSuite(node: Node, started: number): Promise<Outcome> {
  counts.suites += 1;
  const group = suiteGroups.get(node)!;
  const pad = indent(node.depth);
  if (node.options.skip !== undefined && node.options.skip !== false) {
    // Node reports a skipped suite as one line and neither runs nor counts its tests.
    write(
      "stdout",
      `${pad}﹣ ${node.name} (${round(performance.now() - started)}) # ${directiveOf(node.options.skip, "SKIP")}\n`,
    );
    return { status: "skip" };
  }
  write("stdout", `${pad}▶ ${node.name}\n`);
  let outcome: Outcome = { status: "pass" };
  try {
    await suiteReady.get(node);
    for (const hook of group.hooks.before) await invoke(hook, undefined, 1, node.options.timeout ?? defaultTimeout);
    let failed = 0;
    for (const child of group.children) {
      const result = await runNode(child);
      if (result.status === "fail" || result.status === "cancelled") failed += 1;
    }
    for (const hook of group.hooks.after) await invoke(hook, undefined, 1, node.options.timeout ?? defaultTimeout);
    if (failed > 0) outcome = { status: "fail", error: `${failed} subtest${failed === 1 ? "" : "s"} failed` };
  } catch (error) {
    // A failing before/after hook (or describe body) fails the suite and every test it did not run.
    const tests = group.children.filter((child) => child.kind === "test").length;
    counts.tests += tests;
    counts.fail += tests;
    outcome = { status: "fail", error };
  }
  const ms = performance.now() - started;
  const symbol = outcome.status === "fail" ? "✖" : "✔";
  write("stdout", `${pad}${symbol} ${node.name} (${round(ms)})\n`);
  if (outcome.status === "fail" && !(typeof outcome.error === "string" && SUBTESTS_FAILED.test(outcome.error))) {
    failures.push(`test at ${node.location}\n✖ ${node.name} (${round(ms)})\n${describeError(outcome.error, 1)}`);
  }
  return outcome;
}

const suiteGroups = new WeakMap<Node, Group>();
const suiteReady = new WeakMap<Node, Promise<unknown>>();

function register(kind: "suite" | "test", args: unknown[], overrides: TestOptions = {}): Promise<void> {
  const { name, options, fn } = parseArgs(args);
  const parentContext = currentContext;
  // t.test() style calls through the imported `test` while a test runs make subtests, as in Node.
  if (kind === "test" && collecting === root && parentContext) {
    printHeaderFor(parentContext);
    return parentContext.test(name, { ...options, ...overrides }, fn);
  }
  const node: Node = {
    kind,
    name,
    options: { ...options, ...overrides },
    fn,
    parent: collecting,
    depth: depthOf(collecting),
    location: callSite(),
  };
  if (kind === "suite") {
    const group: Group = { children: [], hooks: new Hooks(), parentGroup: collecting };
    suiteGroups.set(node, group);
    groupDepth.set(group, node.depth + 1);
    const previous = collecting;
    collecting = group;
    try {
      const result = fn
        ? (fn as (context: unknown) => unknown)({ name, signal: new AbortController().signal })
        : undefined;
      suiteReady.set(node, Promise.resolve(result));
    } catch (error) {
      suiteReady.set(node, Promise.reject(error));
    } finally {
      collecting = previous;
    }
    suiteReady.get(node)!.catch(() => undefined);
  }
  node.parent.children.push(node);
  if (node.parent === root) scheduleRoot();
  return Promise.resolve();
}

const groupDepth = new WeakMap<Group, number>([[root, 0]]);
function depthOf(group: Group): number {
  return groupDepth.get(group) ?? 0;
}

function scheduleRoot(): void {
  if (rootRunning) return;
  rootRunning = new Promise<void>((resolve) => realSetTimeout(resolve, 0)).then(async () => {
    try {
      for (const hook of root.hooks.before) await invoke(hook, undefined, 1, defaultTimeout);
    } catch (error) {
      failures.push(`test at ${fileLabel}\n✖ before hook\n${describeError(error, 1)}`);
      counts.fail += 1;
      return;
    }
    while (rootIndex < root.children.length) await runNode(root.children[rootIndex++]!);
  });
}

/** After the test file's module has loaded: runs what is left, the file-level after hooks, and reports. */
export async function finishTests(): Promise<void> {
  scheduleRoot();
  await rootRunning;
  while (rootIndex < root.children.length) await runNode(root.children[rootIndex++]!);
  try {
    for (const hook of root.hooks.after) await invoke(hook, undefined, 1, defaultTimeout);
  } catch (error) {
    failures.push(`test at ${fileLabel}\n✖ after hook\n${describeError(error, 1)}`);
    counts.fail += 1;
  }
  post({ type: "test-report", counts: { ...counts }, failures });
}

/** The file could not load (syntax, missing import): Node reports the file itself as one failed test. */
export function reportFileFailure(file: string, ms: number): void {
  counts.tests += 1;
  counts.fail += 1;
  write("stdout", `✖ ${file} (${round(ms)})\n`);
  failures.push(`test at ${file}:1:1\n✖ ${file} (${round(ms)})\n  'test failed'`);
  post({ type: "test-report", counts: { ...counts }, failures });
}

// ---- the public API of node:test ----
type TestFn = ((...args: unknown[]) => Promise<void>) & {
  skip: (...args: unknown[]) => Promise<void>;
  todo: (...args: unknown[]) => Promise<void>;
  only: (...args: unknown[]) => Promise<void>;
};

function withVariants(kind: "suite" | "test"): TestFn {
  const base = ((...args: unknown[]) => register(kind, args)) as TestFn;
  base.skip = (...args: unknown[]) => register(kind, args, { skip: true });
  base.todo = (...args: unknown[]) => register(kind, args, { todo: true });
  base.only = (...args: unknown[]) => register(kind, args, { only: true });
  return base;
}

export const test = withVariants("test");
export const describe = withVariants("suite");

function hook(kind: HookKind) {
  return (fn: Fn): void => {
    if (collecting === root && currentContext) {
      if (kind === "before") currentContext.before(fn);
      else if (kind === "after") currentContext.after(fn);
      else currentContext[kind](fn);
      return;
    }
    collecting.hooks[kind].push(fn);
  };
}
export const before = hook("before");
export const after = hook("after");
export const beforeEach = hook("beforeEach");
export const afterEach = hook("afterEach");
