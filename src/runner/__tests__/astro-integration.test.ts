/** The Astro integration mounts the same runner in the dev server's middleware stack and closes it with the server. */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { afterAll, expect, it } from "vitest";
import { localRunnerIntegration } from "../astro-integration.ts";
import { send } from "./http-client.ts";
import { FIXTURE_EXAMPLES } from "./runner-server.ts";

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
const middlewares: Middleware[] = [];
const devHttpServer = new EventEmitter();
const logged: string[] = [];

const server = createServer((request, response) => {
  const [middleware] = middlewares;
  middleware!(request, response, () => response.writeHead(404, { "x-next": "astro" }).end());
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it("answers /__runner/ in astro dev and passes every other request on", async () => {
  const integration = localRunnerIntegration({ examplesDir: FIXTURE_EXAMPLES });
  const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
  hooks["astro:config:done"]!({ config: { root: new URL("../../../", import.meta.url) } });
  hooks["astro:server:setup"]!({
    server: {
      middlewares: { use: (middleware: Middleware) => middlewares.push(middleware) },
      httpServer: devHttpServer,
    },
    logger: { info: (message: string) => logged.push(message) },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  const handshake = await send(port, { path: "/__runner/handshake" });
  expect(handshake.status).toBe(200);
  expect(handshake.json<{ examples: Array<{ name: string }> }>().examples.map((e) => e.name)).toContain("hello");
  const page = await send(port, { path: "/topics/caching/" });
  expect(page.headers["x-next"]).toBe("astro");
  expect(logged.join()).toMatch(/Local runner mounted/);
  await hooks["astro:server:done"]!({});
});
