/**
 * `npm run bench`: measures the running guide and prints one table. Benchmarks report;
 * they never fail the test run.
 */
import { fileURLToPath } from "node:url";
import { benchLocalRunnerTestRun } from "../../src/runner/bench.ts";
import { benchDiagrams } from "./diagrams.bench.ts";
import { benchInBrowserRuntime } from "./in-browser.bench.ts";
import { benchFirstLoadJavaScript, benchLighthouse } from "./lighthouse.bench.ts";
import { benchPageWeight } from "./page-weight.bench.ts";
import { benchSandboxJavaScript } from "./sandbox.bench.ts";
import { startGuide, type BenchContext, type BenchRow } from "./context.ts";

type Bench = (context: BenchContext) => Promise<BenchRow[]>;

const foundationPages = [
  { label: "home page", path: "/" },
  { label: "guide page", path: "/start-here/overview/" },
];

const benches: Array<readonly [string, Bench]> = [
  ["site: Lighthouse", (context) => benchLighthouse(context, foundationPages)],
  ["site: JavaScript on first load", (context) => benchFirstLoadJavaScript(context, foundationPages)],
  ["site: page weight, heaviest page next to the home page", benchPageWeight],
  ["diagrams and navigator", benchDiagrams],
  ["sandbox: JavaScript before and after Open sandbox", benchSandboxJavaScript],
  ["local runner: time to a test summary", benchRunner],
  ["in-browser runtime: bytes and time of Run tests, static host", benchInBrowserRuntime],
];

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Through the runner (as the page asks) next to `npm test` in a shell, for the same example, in one run. */
async function benchRunner(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const example of ["layered-service", "repository-unit-of-work"]) {
    const { runnerMs, shellMs, ratio } = await benchLocalRunnerTestRun({ projectRoot, example });
    rows.push({
      name: `Local runner: request to test summary (${example})`,
      value: `${Math.round(runnerMs)} ms`,
      note: `npm test in a shell: ${Math.round(shellMs)} ms; ratio ${ratio.toFixed(2)}`,
    });
  }
  return rows;
}

const port = Number(process.env["BENCH_PORT"] ?? 4520);
const { context, stop } = await startGuide(port);
const rows: BenchRow[] = [];
try {
  for (const [label, bench] of benches) {
    console.error(`bench: ${label}…`);
    try {
      rows.push(...(await bench(context)));
    } catch (error) {
      rows.push({ name: label, value: "error", note: error instanceof Error ? error.message : String(error) });
    }
  }
} finally {
  await stop();
}
printTable(rows);

function printTable(table: readonly BenchRow[]): void {
  const header = ["Benchmark", "Result", "Notes"];
  const lines = table.map((row) => [row.name, row.value, row.note ?? ""]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const format = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const line of lines) console.log(format(line));
}
