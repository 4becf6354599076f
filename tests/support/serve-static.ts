/**
 * `node tests/support/serve-static.ts --port N`: builds the site when stale, then serves `dist/`
 * as a static host would (see static-host.ts), on loopback. The static-build browser tests and the
 * benchmark use it; it has no local runner, like the published site.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureFreshBuild } from "../../src/server/ensure-build.ts";
import { listenOnLoopback, startLogFile } from "../../src/server/loopback.ts";
import { createStaticHost } from "./static-host.ts";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const distDir = fileURLToPath(new URL("../../dist/", import.meta.url));
const { values } = parseArgs({
  options: { port: { type: "string", default: "4511" }, "no-build": { type: "boolean", default: false } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`static host: --port must be a whole number from 1 to 65535, got "${values.port}"`);
  process.exit(2);
}
if (!values["no-build"]) {
  const logFile = await startLogFile(projectRoot, `static-${port}`, `static host: started ${new Date().toISOString()}`);
  await ensureFreshBuild(projectRoot, distDir, { logFile, say: (line) => console.log(line) });
}
const servers = await listenOnLoopback(() => createStaticHost(distDir), port, "static host");
console.log(`static host: ${distDir} on http://localhost:${port}/ (no local runner)`);
const stop = () => {
  for (const server of servers) server.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
