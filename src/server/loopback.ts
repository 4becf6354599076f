/** What the guide's servers (`npm start`, the static host of the browser tests) share: loopback listening and a log file. */
import { once } from "node:events";
import { mkdir, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { stateDir } from "../runner/link-file.ts";

/**
 * Listens on 127.0.0.1 (0 picks a free port) and, on the same port, on ::1 when the machine has IPv6 loopback:
 * browsers may resolve "localhost" to ::1 first. A port in use ends the process with a message saying what to do.
 */
export async function listenOnLoopback(make: () => Server, port: number, name: string): Promise<Server[]> {
  const ipv4 = make();
  ipv4.listen(port, "127.0.0.1");
  try {
    await once(ipv4, "listening");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === "EADDRINUSE"
        ? `${name}: port ${port} is in use. Stop what uses it, or pick another port with --port`
        : `${name}: cannot listen on 127.0.0.1:${port}: ${String(error)}`,
    );
    process.exit(1);
  }
  const ipv6 = make();
  ipv6.listen((ipv4.address() as AddressInfo).port, "::1");
  const ipv6Ok = await once(ipv6, "listening").then(
    () => true,
    () => false,
  );
  return ipv6Ok ? [ipv4, ipv6] : [ipv4];
}

/** A fresh log file `<name>.log` in the project's private state directory (mode 0600), started with one line. */
export async function startLogFile(projectRoot: string, name: string, firstLine: string): Promise<string> {
  await mkdir(stateDir(projectRoot), { recursive: true, mode: 0o700 });
  const logFile = join(stateDir(projectRoot), `${name}.log`);
  await writeFile(logFile, `${firstLine}\n`, { mode: 0o600 });
  return logFile;
}
