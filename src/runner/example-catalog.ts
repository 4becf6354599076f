/**
 * The examples the runner may run and the exact commands each allows, read from the
 * examples' own package.json files on disk (never from the reader's edited copy).
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { RunCommand } from "../sandbox/runtime/port.ts";
import { nodeArgsOfScript, UnsupportedScriptError } from "../sandbox/runtime/script-argv.ts";
import { assertSafeRelativePath } from "./run-workspace.ts";
import { RunnerProblem } from "./problem.ts";

const EXAMPLE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** What the handshake tells the page about one example. */
export interface ExampleSummary {
  readonly name: string;
  readonly title: string;
}

interface ExamplePackage {
  readonly scripts: Readonly<Record<string, string>>;
  readonly title: string;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function readExamplePackage(examplesDir: string, name: string): Promise<ExamplePackage | undefined> {
  if (!EXAMPLE_NAME.test(name)) return undefined;
  const dir = join(examplesDir, name);
  if (!(await isDirectory(join(dir, "src")))) return undefined;
  let manifest: { scripts?: Record<string, string>; guide?: { title?: string } };
  try {
    manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
  } catch {
    return undefined;
  }
  return { scripts: manifest.scripts ?? {}, title: manifest.guide?.title ?? name };
}

/** Every runnable example: a folder with a package.json and a src/ folder. */
export async function listExamples(examplesDir: string): Promise<ExampleSummary[]> {
  const entries = await readdir(examplesDir, { withFileTypes: true }).catch(() => []);
  const summaries: ExampleSummary[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const example = await readExamplePackage(examplesDir, entry.name);
    if (example) summaries.push({ name: entry.name, title: example.title });
  }
  return summaries.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The `node` arguments for a command of an example, or a RunnerProblem saying why it is refused.
 * `file` must be a file the reader sent for this run.
 */
export async function resolveCommandArgs(
  examplesDir: string,
  example: string,
  command: RunCommand,
  files: Readonly<Record<string, string>>,
): Promise<string[]> {
  const manifest = await readExamplePackage(examplesDir, example);
  if (!manifest) {
    throw new RunnerProblem(
      404,
      "unknown-example",
      "Unknown example",
      `There is no runnable example named ${JSON.stringify(example)}.`,
    );
  }
  if (command.kind === "node") {
    assertSafeRelativePath(command.file);
    if (!/\.(?:ts|mts|js|mjs)$/.test(command.file) || !(command.file in files)) {
      throw new RunnerProblem(
        400,
        "disallowed-command",
        "Command not allowed",
        `node can only run a .ts or .js file of the example; ${JSON.stringify(command.file)} is not one.`,
      );
    }
    // "--" ends node's options: whatever the file is called, node runs it as a file.
    return ["--", command.file];
  }
  const script = manifest.scripts[command.kind];
  if (script === undefined) {
    throw new RunnerProblem(
      400,
      "disallowed-command",
      "Command not allowed",
      `The example ${example} has no "${command.kind}" script.`,
    );
  }
  try {
    return nodeArgsOfScript(script);
  } catch (error) {
    if (error instanceof UnsupportedScriptError) {
      throw new RunnerProblem(400, "disallowed-command", "Command not allowed", error.message);
    }
    throw error;
  }
}
