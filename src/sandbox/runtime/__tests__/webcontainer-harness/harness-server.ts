/**
 * Serves the WebContainer harness page with the isolation headers WebContainer needs, plus the
 * dependency snapshots from a build (dist/_webcontainer/) when there is one.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { join, normalize } from "node:path";
import { build } from "esbuild";

export interface HarnessServer {
  readonly url: string;
  close(): Promise<void>;
}

const ISOLATION_HEADERS = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
  "cross-origin-resource-policy": "same-origin",
};

/** Bundles harness-page.ts (with @webcontainer/api) and serves it on an ephemeral loopback port. */
export async function startHarnessServer(projectRoot: string): Promise<HarnessServer> {
  const bundle = await build({
    entryPoints: [new URL("./harness-page.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
  });
  const script = bundle.outputFiles[0]!.contents;
  const snapshots = join(projectRoot, "dist", "_webcontainer");
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://harness").pathname;
    const send = (status: number, type: string, body: string | Uint8Array) =>
      response.writeHead(status, { ...ISOLATION_HEADERS, "content-type": type }).end(body);
    if (path === "/")
      return send(
        200,
        "text/html",
        '<!doctype html><title>WebContainer harness</title><script type="module" src="/harness.js"></script>',
      );
    if (path === "/harness.js") return send(200, "text/javascript", script);
    if (path.startsWith("/_webcontainer/")) {
      const file = normalize(join(snapshots, path.slice("/_webcontainer/".length)));
      if (!file.startsWith(snapshots)) return send(404, "text/plain", "not found");
      readFile(file).then(
        (body) => send(200, file.endsWith(".json") ? "application/json" : "application/octet-stream", body),
        () => send(404, "text/plain", "not found"),
      );
      return;
    }
    send(404, "text/plain", "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    // localhost (not 127.0.0.1) is a secure context, which SharedArrayBuffer also requires.
    url: `http://localhost:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
