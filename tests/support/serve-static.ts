/**
 * `node tests/support/serve-static.ts --port N`: builds the site when stale, then serves `dist/`
 * as a static host would (see static-host.ts), on loopback. The static-build browser tests and the
 * benchmark use it; it has no local runner, like the published site.
 */
import { once } from "node:events";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { stateDir } from "../../src/runner/link-file.ts";
import { ensureFreshBuild } from "../../src/server/ensure-build.ts";
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
  await mkdir(stateDir(projectRoot), { recursive: true, mode: 0o700 });
  const logFile = join(stateDir(projectRoot), `static-${port}.log`);
  await ensureFreshBuild(projectRoot, distDir, { logFile, say: (line) => console.log(line) });
}
const servers = ["127.0.0.1", "::1"].map((host) => createStaticHost(distDir).listen(port, host));
const [ipv4, ipv6] = servers;
await once(ipv4!, "listening");
// Browsers may resolve "localhost" to ::1 first; serve it there too when the machine has IPv6 loopback.
await once(ipv6!, "listening").catch(() => undefined);
console.log(`static host: ${distDir} on http://localhost:${port}/ (no local runner)`);
const stop = () => {
  for (const server of servers) server.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
