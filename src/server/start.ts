/**
 * `npm start`: builds the guide when the build is missing or stale, then serves it on
 * http://localhost:4321 with the local example runner mounted. Loopback only.
 */
import { once } from "node:events";
import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureFreshBuild } from "./ensure-build.ts";
import { createGuideServer, type ServerExtension } from "./guide-server.ts";
import { createLocalRunner } from "../runner/index.ts";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const examplesDir = fileURLToPath(new URL("../../examples/", import.meta.url));
const distDir = fileURLToPath(new URL("../../dist/", import.meta.url));

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env["PORT"] ?? "4321" },
    "no-build": { type: "boolean", default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`guide: --port must be a whole number from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}

if (!values["no-build"]) await ensureFreshBuild(projectRoot, distDir);

// The local runner answers /__runner/ on this same origin, so the page reaches it (and the
// example services it starts) without leaving cross-origin isolation.
const extensions: ServerExtension[] = [createLocalRunner({ projectRoot, examplesDir })];
const servers = await listenOnLoopback(() => createGuideServer({ distDir, extensions }), port);
console.log(`Backend Architecture Field Guide: http://localhost:${port}/`);

async function listenOnLoopback(make: () => Server, wantedPort: number): Promise<Server[]> {
  const ipv4 = make();
  ipv4.listen(wantedPort, "127.0.0.1");
  try {
    await once(ipv4, "listening");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === "EADDRINUSE"
        ? `guide: port ${wantedPort} is in use. Stop what uses it, or run: npm start -- --port 4400`
        : `guide: cannot listen on 127.0.0.1:${wantedPort}: ${String(error)}`,
    );
    process.exit(1);
  }
  // Browsers may resolve "localhost" to ::1 first; serve it there too when the machine has IPv6 loopback.
  const ipv6 = make();
  ipv6.listen(wantedPort, "::1");
  const ipv6Ok = await once(ipv6, "listening").then(
    () => true,
    () => false,
  );
  return ipv6Ok ? [ipv4, ipv6] : [ipv4];
}

async function shutDown(signal: string): Promise<void> {
  console.log(`guide: ${signal} received, shutting down`);
  await Promise.all(extensions.map((extension) => extension.close()));
  for (const server of servers) server.close();
  for (const server of servers) server.closeAllConnections();
  process.exit(0);
}
process.once("SIGINT", () => void shutDown("SIGINT"));
process.once("SIGTERM", () => void shutDown("SIGTERM"));
