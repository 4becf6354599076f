import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import sirv from "sirv";
import { guideHeaders } from "./isolation-headers.ts";

/** Something mounted on the guide's server that answers some paths itself (the local runner is one). */
export interface ServerExtension {
  /** Answers the request and resolves true, or resolves false to let the static site answer it. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
}

export interface GuideServerOptions {
  /** The built site (Astro's `dist/`). */
  readonly distDir: string;
  readonly extensions?: readonly ServerExtension[];
}

/** Node HTTP server for the built guide: static files with isolation headers, extensions first. */
export function createGuideServer({ distDir, extensions = [] }: GuideServerOptions): Server {
  const serveStatic = sirv(distDir, {
    etag: true,
    gzip: true,
    brotli: true,
    extensions: ["html"],
    setHeaders(res, pathname) {
      // Hashed assets never change; pages must revalidate so a rebuild shows at once.
      res.setHeader(
        "Cache-Control",
        pathname.startsWith("/_astro/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
    onNoMatch: (_req, res) => void sendNotFound(res, distDir),
  });

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(guideHeaders)) res.setHeader(name, value);
    void route(req, res).catch((error: unknown) => {
      console.error("guide server: request failed", error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal server error");
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const extension of extensions) {
      if (await extension.handle(req, res)) return;
    }
    serveStatic(req, res);
  }

  server.on("close", () => {
    for (const extension of extensions) void extension.close();
  });
  return server;
}

async function sendNotFound(res: ServerResponse, distDir: string): Promise<void> {
  const page = await readFile(join(distDir, "404.html")).catch(() => null);
  res.writeHead(404, { "Content-Type": page ? "text/html; charset=utf-8" : "text/plain; charset=utf-8" });
  res.end(page ?? "Not found");
}
