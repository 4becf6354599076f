/**
 * The Astro integration mounts the same runner in the dev server's middleware stack, prints the
 * link with its token and writes the token file once the server listens, and closes it all with the server.
 */
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { afterAll, expect, it } from "vitest";
import { localRunnerIntegration } from "../astro-integration.ts";
import { linkFilePath, readLinkFile } from "../link-file.ts";
import { send } from "./http-client.ts";
import { FIXTURE_EXAMPLES, PROJECT_ROOT } from "./runner-server.ts";

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
const middlewares: Middleware[] = [];
const logged: string[] = [];

const server = createServer((request, response) => {
  const [middleware] = middlewares;
  middleware!(request, response, () => response.writeHead(404, { "x-next": "astro" }).end());
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it("answers /__runner/ in astro dev, prints the link and writes the 0600 token file, and passes every other request on", async () => {
  const integration = localRunnerIntegration({ examplesDir: FIXTURE_EXAMPLES });
  const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
  hooks["astro:config:done"]!({ config: { root: new URL("../../../", import.meta.url) } });
  hooks["astro:server:setup"]!({
    server: {
      middlewares: { use: (middleware: Middleware) => middlewares.push(middleware) },
      httpServer: server,
    },
    logger: { info: (message: string) => logged.push(message) },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const deadline = Date.now() + 5_000;
  while (!(await readLinkFile(PROJECT_ROOT, port)) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const record = await readLinkFile(PROJECT_ROOT, port);
  expect(record?.link).toBe(`http://localhost:${port}/?token=${record?.token}`);
  expect((await stat(linkFilePath(PROJECT_ROOT, port))).mode & 0o777).toBe(0o600);
  expect(logged.join()).toContain(record!.link);

  expect((await send(port, { path: "/__runner/handshake" })).status).toBe(401);
  const handshake = await send(port, {
    path: "/__runner/handshake",
    headers: { authorization: `Bearer ${record!.token}` },
  });
  expect(handshake.status).toBe(200);
  expect(handshake.json<{ examples: Array<{ name: string }> }>().examples.map((e) => e.name)).toContain("hello");
  const page = await send(port, { path: "/topics/caching/" });
  expect(page.headers["x-next"]).toBe("astro");
  expect(logged.join()).toMatch(/Local runner mounted/);
  await hooks["astro:server:done"]!({});
  expect(existsSync(linkFilePath(PROJECT_ROOT, port))).toBe(false);
});
