/**
 * A tiny static server for the harness: the runtime's build (dist/_runtime/ layout) and the
 * harness page, with the site's cross-origin isolation headers, on loopback.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { build } from "esbuild";

export interface HarnessServer {
  readonly origin: string;
  close(): Promise<void>;
}

const HEADERS = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
  "cross-origin-resource-policy": "same-origin",
  // As strict as the site's: same-origin and blob: scripts and workers, WASM but no eval.
  "content-security-policy":
    "default-src 'self'; script-src 'self' blob: 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self' blob:; style-src 'self' 'unsafe-inline'",
};
const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".data": "application/octet-stream",
  ".html": "text/html",
};

/** Serves `runtimeDir` at /_runtime/ and the harness page at /, on `port` (0: any free one). */
export async function startHarnessServer(runtimeDir: string, port = 0): Promise<HarnessServer> {
  const bundle = await build({
    entryPoints: [new URL("./harness-page.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0]!.contents;
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://harness").pathname);
    // The runtime's files are cacheable, as on a static host: Chromium then reuses compiled WASM (PGlite).
    const send = (status: number, type: string, body: string | Uint8Array, cache = "no-cache") =>
      response.writeHead(status, { ...HEADERS, "content-type": type, "cache-control": cache }).end(body);
    if (path === "/")
      return send(
        200,
        "text/html",
        '<!doctype html><title>In-browser runtime harness</title><script type="module" src="/harness.js"></script>',
      );
    if (path === "/harness.js") return send(200, "text/javascript", script);
    // A build whose workers are missing, for the failure tests.
    if (path === "/_broken/manifest.json")
      return send(
        200,
        "application/json",
        JSON.stringify({
          version: 1,
          processWorker: "gone.js",
          stripperWorker: "gone.js",
          modules: {},
          serverDrivers: {},
        }),
      );
    if (path === "/favicon.ico") return send(204, "image/x-icon", "");
    if (path.startsWith("/_runtime/")) {
      const file = normalize(join(runtimeDir, path.slice("/_runtime/".length)));
      if (!file.startsWith(runtimeDir)) return send(404, "text/plain", "not found");
      readFile(file).then(
        (body) =>
          send(
            200,
            TYPES[extname(file)] ?? "application/octet-stream",
            body,
            path.endsWith("manifest.json") ? "no-cache" : "max-age=3600",
          ),
        () => send(404, "text/plain", "not found"),
      );
      return;
    }
    send(404, "text/plain", "not found");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return {
    // localhost (not 127.0.0.1): a secure context, which crypto.randomUUID() needs.
    origin: `http://localhost:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
