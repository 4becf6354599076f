/**
 * The contract every Runtime adapter passes, written once and run against each adapter:
 * mount an example, `npm test` passes with node:test's real summary, an edit that breaks a
 * test fails the run, `npm start` answers through the runtime's URL, and kill frees the port.
 */
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceNotRunningError, type FileMap, type OutputChunk, type RunCommand, type Runtime } from "../port.ts";

export interface ContractExample {
  readonly name: string;
  readonly files: FileMap;
}

export interface RuntimeContractSetup {
  /** The adapter under test, ready to use. */
  readonly createRuntime: () => Promise<Runtime>;
  readonly examples: readonly ContractExample[];
  /** True when nothing listens on the port any more (checked after kill). */
  readonly portIsFree: (port: number) => Promise<boolean>;
}

async function runToEnd(runtime: Runtime, example: string, command: RunCommand) {
  const chunks: OutputChunk[] = [];
  const process = await runtime.spawn(example, command, { onOutput: (chunk) => chunks.push(chunk) });
  const exit = await process.exit;
  return { exit, output: stripVTControlCharacters(chunks.map((chunk) => chunk.text).join("")) };
}

/** A test file of the example, to break on purpose. */
function firstTestFile(files: FileMap): string {
  const path = Object.keys(files)
    .sort()
    .find((candidate) => /^tests\/.*\.test\.ts$/.test(candidate));
  if (!path) throw new Error("The example has no tests/**/*.test.ts file.");
  return path;
}

/** Registers the contract tests for one adapter. */
export function describeRuntimeContract(adapterName: string, setup: () => RuntimeContractSetup): void {
  describe(`Runtime contract: ${adapterName}`, () => {
    const { createRuntime, examples, portIsFree } = setup();
    let runtime: Runtime;

    beforeAll(async () => {
      runtime = await createRuntime();
    });
    afterAll(async () => {
      await runtime?.teardown();
    });

    describe.each(examples.map((example) => [example.name, example] as const))("%s", (_name, example) => {
      it("mounts the files and `npm test` passes with node:test's summary", async () => {
        await runtime.mount(example.name, example.files);
        const { exit, output } = await runToEnd(runtime, example.name, { kind: "test" });
        expect(output, output).toMatch(/ℹ pass [1-9]\d*/);
        expect(output).toMatch(/ℹ fail 0/);
        expect(exit, output).toMatchObject({ code: 0, reason: "exited" });
      });

      it("`npm start` answers GET /health/live through the runtime, and kill frees the port", async () => {
        await runtime.mount(example.name, example.files);
        const output: string[] = [];
        const service = await runtime.spawn(
          example.name,
          { kind: "start" },
          { onOutput: (chunk) => output.push(chunk.text) },
        );
        const server = await service.serverReady.catch((error: Error) => {
          throw new Error(`${error.message}\n${output.join("")}`);
        });
        const live = await server.request({ method: "GET", path: "/health/live" });
        expect(live.status, live.body).toBe(200);

        await service.kill();
        expect((await service.exit).reason).toBe("killed");
        expect(await portIsFree(server.port)).toBe(true);
        await expect(server.request({ method: "GET", path: "/health/live" })).rejects.toBeInstanceOf(
          ServiceNotRunningError,
        );
      });
    });

    it("runs the reader's edit: a broken test makes `npm test` fail with the runtime's own output", async () => {
      const example = examples[0];
      if (!example) return;
      const path = firstTestFile(example.files);
      await runtime.mount(example.name, example.files);
      await runtime.writeFile(
        example.name,
        path,
        `${example.files[path]}\nimport { test as brokenOnPurpose } from "node:test";\nbrokenOnPurpose("edited by the reader", () => { throw new Error("broken on purpose"); });\n`,
      );
      const { exit, output } = await runToEnd(runtime, example.name, { kind: "test" });
      expect(output).toMatch(/broken on purpose/);
      expect(output).toMatch(/ℹ fail [1-9]/);
      expect(exit.code).not.toBe(0);
      await runtime.mount(example.name, example.files);
    });
  });
}
