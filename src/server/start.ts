/**
 * `npm start`: builds the guide when the build is missing or stale, then serves it on
 * http://localhost:4321 with the local example runner mounted. Loopback only. The terminal shows a
 * few lines and ends with a block holding the link to open (with this start's runner token), how
 * to stop, and where the log is; the build's own output goes to that log.
 */
import { once } from "node:events";
import { mkdir, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureFreshBuild } from "./ensure-build.ts";
import { createGuideServer, type ServerExtension } from "./guide-server.ts";
import { startBanner } from "../runner/start-banner.ts";
import { createLocalRunner, runnerLink } from "../runner/index.ts";
import { removeLinkFile, stateDir, writeLinkFile } from "../runner/link-file.ts";

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

await mkdir(stateDir(projectRoot), { recursive: true, mode: 0o700 });
const logFile = join(stateDir(projectRoot), `start-${wantedPort}.log`);
await writeFile(logFile, `guide: started ${new Date().toISOString()} (pid ${process.pid})\n`, { mode: 0o600 });

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
const servers = await listenOnLoopback(() => createGuideServer({ distDir, extensions }), wantedPort);
const port = (servers[0]!.address() as AddressInfo).port;
const link = runnerLink(`http://localhost:${port}`, runner.token);
const tokenFile = await writeLinkFile(projectRoot, { port, pid: process.pid, token: runner.token, link });
console.log(startBanner({ link, logFile, tokenFile, pid: process.pid }));

async function listenOnLoopback(make: () => Server, portToUse: number): Promise<Server[]> {
  const ipv4 = make();
  ipv4.listen(portToUse, "127.0.0.1");
  try {
    await once(ipv4, "listening");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === "EADDRINUSE"
        ? `guide: port ${portToUse} is in use. Stop what uses it, or run: npm start -- --port 4400`
        : `guide: cannot listen on 127.0.0.1:${portToUse}: ${String(error)}`,
    );
    process.exit(1);
  }
  // Browsers may resolve "localhost" to ::1 first; serve it there too when the machine has IPv6 loopback.
  const ipv6 = make();
  ipv6.listen((ipv4.address() as AddressInfo).port, "::1");
  const ipv6Ok = await once(ipv6, "listening").then(
    () => true,
    () => false,
  );
  return ipv6Ok ? [ipv4, ipv6] : [ipv4];
}

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
