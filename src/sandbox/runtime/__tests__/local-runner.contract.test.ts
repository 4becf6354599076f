/**
 * The runtime contract against the real local runner: a node:http server on an ephemeral
 * loopback port with the runner's handler, and the client adapter pointed at it, for every
 * example that exists (a folder with package.json and src/).
 */
import { createServer } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { readExampleBundle } from "../../files/example-files.ts";
import { listExamples } from "../../../runner/example-catalog.ts";
import { createLocalRunner, type LocalRunner } from "../../../runner/index.ts";
import { isListening } from "../../../runner/tcp-port.ts";
import { createLocalRunnerRuntime } from "../local-runner.adapter.ts";
import { describeRuntimeContract, type ContractExample } from "./runtime-contract.ts";

const PROJECT_ROOT = new URL("../../../../", import.meta.url).pathname.replace(/\/$/, "");
const EXAMPLES_DIR = join(PROJECT_ROOT, "examples");

const names = (await listExamples(EXAMPLES_DIR)).map((example) => example.name);
const examples: ContractExample[] = await Promise.all(
  names.map(async (name) => ({ name, files: (await readExampleBundle(name, EXAMPLES_DIR)).files })),
);

let runner: LocalRunner;
let origin = "";
const server = createServer((request, response) => {
  void runner.handle(request, response).then((handled) => {
    if (!handled) response.writeHead(404).end();
  });
});

beforeAll(async () => {
  runner = createLocalRunner({ projectRoot: PROJECT_ROOT, examplesDir: EXAMPLES_DIR });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  await runner.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

if (examples.length === 0) {
  describe("Runtime contract: local runner", () => {
    it.skip("no example has a package.json and src/ yet, so there is nothing to run", () => {});
  });
} else {
  describeRuntimeContract("local runner", () => ({
    // The origin is only known once the server listens, so the adapter reads it lazily through fetch.
    createRuntime: async () =>
      createLocalRunnerRuntime({
        baseUrl: "",
        fetch: (input, init) => fetch(`${origin}${String(input)}`, init),
        // A tool outside the browser presents the token `npm start` prints and writes to its token file.
        token: runner.token,
      }),
    examples,
    portIsFree: async (port) => !(await isListening(port)),
  }));
}
