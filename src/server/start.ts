/**
 * `npm start`: builds the guide when the build is missing or stale, then serves it on
 * http://localhost:4321 with the local example runner mounted. Loopback only. The terminal shows a
 * few lines and ends with a block holding the link to open (with this start's runner token), how
 * to stop, and where the log is; the build's own output goes to that log.
 */
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureFreshBuild } from "./ensure-build.ts";
import { createGuideServer, type ServerExtension } from "./guide-server.ts";
import { listenOnLoopback, startLogFile } from "./loopback.ts";
import { startBanner } from "../runner/start-banner.ts";
import { createLocalRunner, runnerLink } from "../runner/index.ts";
import { removeLinkFile, writeLinkFile } from "../runner/link-file.ts";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const examplesDir = fileURLToPath(new URL("../../examples/", import.meta.url));
const distDir = fileURLToPath(new URL("../../dist/", import.meta.url));

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env["PORT"] ?? "4321" },
    "no-build": { type: "boolean", default: false },
  },
});
const wantedPort = Number(values.port);
if (!Number.isInteger(wantedPort) || wantedPort < 0 || wantedPort > 65535) {
  console.error(`guide: --port must be a whole number from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}

const logFile = await startLogFile(
  projectRoot,
  `start-${wantedPort}`,
  `guide: started ${new Date().toISOString()} (pid ${process.pid})`,
);

if (!values["no-build"]) {
  try {
    await ensureFreshBuild(projectRoot, distDir, { logFile, say: (line) => console.log(line) });
  } catch (error) {
    console.error(`guide: ${(error as Error).message}`);
    process.exit(1);
  }
}

// The local runner answers /__runner/ on this same origin, so the page reaches it (and the
// example services it starts) without leaving cross-origin isolation.
const runner = createLocalRunner({ projectRoot, examplesDir });
const extensions: ServerExtension[] = [runner];
const servers = await listenOnLoopback(() => createGuideServer({ distDir, extensions }), wantedPort, "guide");
const port = (servers[0]!.address() as AddressInfo).port;
const link = runnerLink(`http://localhost:${port}`, runner.token);
const tokenFile = await writeLinkFile(projectRoot, { port, pid: process.pid, token: runner.token, link });
console.log(startBanner({ link, logFile, tokenFile, pid: process.pid }));

async function shutDown(signal: string): Promise<void> {
  console.log(`guide: ${signal} received, shutting down`);
  await Promise.all(extensions.map((extension) => extension.close()));
  await removeLinkFile(projectRoot, port);
  for (const server of servers) server.close();
  for (const server of servers) server.closeAllConnections();
  process.exit(0);
}
process.once("SIGINT", () => void shutDown("SIGINT"));
process.once("SIGTERM", () => void shutDown("SIGTERM"));
