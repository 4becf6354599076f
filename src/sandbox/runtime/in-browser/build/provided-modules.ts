/**
 * What the in-browser runtime provides to an example's `import`s, in one table the build, the
 * page and the guard test all read: Node built-ins as stand-ins written here, a few packages as
 * stand-ins (the HTTP server), PGlite served as published, real-server drivers never.
 * Every other npm package an example imports is prebundled from node_modules automatically.
 */

/** Node built-ins with a stand-in, by name without `node:`; the value is the file under in-browser/node/. */
export const BUILTIN_STAND_INS: Readonly<Record<string, string>> = {
  test: "test.ts",
  assert: "assert.ts",
  "assert/strict": "assert-strict.ts",
  fs: "fs.ts",
  "fs/promises": "fs-promises.ts",
  path: "path.ts",
  "path/posix": "path.ts",
  events: "events.ts",
  timers: "timers.ts",
  "timers/promises": "timers-promises.ts",
  process: "process.ts",
  buffer: "buffer.ts",
  crypto: "crypto.ts",
  async_hooks: "async-hooks.ts",
  url: "url.ts",
  os: "os.ts",
  module: "module.ts",
  util: "util.ts",
  diagnostics_channel: "diagnostics-channel.ts",
  // Loadable so `import { type Server } from "node:http"` (kept as an empty import by type stripping)
  // works; every function they export throws a message saying what the runtime cannot do.
  http: "unavailable/http.ts",
  https: "unavailable/https.ts",
  net: "unavailable/net.ts",
  child_process: "unavailable/child-process.ts",
  worker_threads: "unavailable/worker-threads.ts",
  // Imported at load time by prom-client (its cluster aggregator, default metrics and Pushgateway),
  // used only by features the examples do not call here.
  cluster: "unavailable/cluster.ts",
  v8: "unavailable/v8.ts",
  zlib: "unavailable/zlib.ts",
};

/** Packages replaced by a stand-in (file under in-browser/node/), because the original needs Node's sockets. */
export const PACKAGE_STAND_INS: Readonly<Record<string, string>> = {
  "@hono/node-server": "hono-node-server.ts",
};

/**
 * Packages bundled from their Node entry, not their `browser` one: pino's browser build writes objects
 * to the console and drops redaction and destinations, so the page would show other logs than Node.
 * Its Node entry needs only built-ins that have stand-ins here.
 */
export const NODE_ENTRIES: Readonly<Record<string, string>> = { pino: "pino/pino.js" };

/**
 * Packages that the examples' packages import (never the examples themselves), replaced by a stand-in
 * (file under in-browser/node/): thread-stream runs pino's transports in worker threads.
 */
export const DEPENDENCY_STAND_INS: Readonly<Record<string, string>> = {
  "thread-stream": "unavailable/thread-stream.ts",
};

/** Packages copied as published (their own ES modules, WASM and data files), not bundled. */
export const PUBLISHED_PACKAGES: ReadonlySet<string> = new Set(["@electric-sql/pglite"]);

/**
 * Drivers for real servers. Examples load them only through a dynamic import() when the
 * variable is set; a page cannot open TCP connections, so the runtime never provides them.
 */
export const SERVER_DRIVERS: Readonly<Record<string, string>> = {
  pg: "DATABASE_URL",
  postgres: "DATABASE_URL",
  redis: "REDIS_URL",
  ioredis: "REDIS_URL",
  amqplib: "AMQP_URL",
  // A trace collector (Jaeger, Tempo, an OpenTelemetry Collector) on another origin, which the page cannot reach.
  "@opentelemetry/exporter-trace-otlp-http": "OTEL_EXPORTER_OTLP_ENDPOINT",
};

/** `node:fs` → `fs`, `fs` → `fs`, anything else → undefined. */
export function builtinName(specifier: string): string | undefined {
  const name = specifier.startsWith("node:") ? specifier.slice(5) : specifier;
  return name in BUILTIN_STAND_INS || (specifier.startsWith("node:") && name !== "") ? name : undefined;
}

/** The package name of a bare specifier: `hono/body-limit` → `hono`, `@hono/node-server` → itself. */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

/** True for specifiers that name a package or built-in rather than a file. */
export function isBareSpecifier(specifier: string): boolean {
  return !/^(?:\.{1,2}\/|\/|[a-z][a-z0-9+.-]*:\/\/|data:|blob:)/i.test(specifier) || specifier.startsWith("node:");
}

/** The message for an import of a real-server driver, naming the variable that selected it. */
export function serverDriverMessage(specifier: string, variable: string): string {
  return (
    `Cannot load "${specifier}" in the in-browser runtime: it connects to a real server over TCP, which a web page cannot open. ` +
    `Unset ${variable} to use the example's in-process adapter, or run the example with Node (npm start on your machine).`
  );
}
