/**
 * The preview Service Worker (public/preview-sw.js, the file the site serves), run in a fake
 * worker scope whose "pages" answer with this page's relay code: what it intercepts, what it
 * relays to which page, and the error pages when nothing can answer.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerPreviewRequest, isPreviewRequest, type FetchFromService } from "./preview-relay.ts";

const source = readFileSync(new URL("../../../public/preview-sw.js", import.meta.url), "utf8");
const ORIGIN = "http://site.test";
const SCOPE = `${ORIGIN}/preview/`;

interface FakePage {
  readonly id: string;
  readonly url: string;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

/** A guide page whose in-browser runtime serves `ports` through `fetchFromService`; `silent` pages never answer. */
function page(id: string, ports: number[], fetchFromService: FetchFromService, silent = false): FakePage {
  return {
    id,
    url: `${ORIGIN}/guide/${id}/`,
    postMessage(message, transfer) {
      const port = transfer[0] as MessagePort;
      if (silent || !isPreviewRequest(message)) return;
      void answerPreviewRequest(
        message,
        (wanted) => ports.includes(wanted),
        fetchFromService,
        (answer, moved) => port.postMessage(answer, moved ?? []),
      );
    },
  };
}

/** Loads the worker's script into a fresh fake scope with `pages` open. */
function worker(pages: FakePage[]) {
  const listeners = new Map<string, (event: unknown) => void>();
  const scope = {
    registration: { scope: SCOPE },
    clients: { matchAll: async () => pages, claim: async () => undefined },
    skipWaiting: async () => undefined,
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
  };
  new Function("self", source)(scope);
  /** Dispatches a fetch; resolves with the worker's response, or undefined when it lets the network answer. */
  async function fetch(url: string, init?: RequestInit): Promise<Response | undefined> {
    let answered: Promise<Response> | undefined;
    listeners.get("fetch")?.({
      request: new Request(url, init),
      respondWith: (response: Promise<Response> | Response) => {
        answered = Promise.resolve(response);
      },
    });
    return answered;
  }
  return { fetch, listeners };
}

const hono: FetchFromService = async (port, request) => {
  const url = new URL(request.url);
  if (url.pathname === "/orders" && request.method === "POST") {
    return new Response(null, { status: 201, headers: { Location: "/orders/7" } });
  }
  return Response.json({ port, path: url.pathname, query: url.search, method: request.method });
};

describe("what the preview worker intercepts", () => {
  it("never the guide's own pages, assets, or anything outside /preview/<port>/", async () => {
    const { fetch } = worker([page("a", [3000], hono)]);
    for (const url of [
      `${ORIGIN}/`,
      `${ORIGIN}/guide/caching/`,
      `${ORIGIN}/_astro/app.js`,
      `${ORIGIN}/preview-sw.js`,
      `${ORIGIN}/previews/3000/`,
      `${ORIGIN}/preview/`,
      `${ORIGIN}/preview/abc/`,
      `${ORIGIN}/preview/0/`,
      `${ORIGIN}/preview/70000/`,
      `http://elsewhere.test/preview/3000/`,
    ]) {
      expect(await fetch(url), url).toBeUndefined();
    }
  });

  it("redirects /preview/<port> to /preview/<port>/ so relative links resolve under it", async () => {
    const { fetch } = worker([]);
    const response = await fetch(`${ORIGIN}/preview/3000`);
    expect(response?.status).toBe(308);
    expect(response?.headers.get("Location")).toBe("/preview/3000/");
  });
});

describe("relaying to the page that owns the port", () => {
  it("answers with the service's response, path and query kept, isolation headers added", async () => {
    const { fetch } = worker([page("a", [4000], hono), page("b", [3000], hono)]);
    const response = await fetch(`${ORIGIN}/preview/3000/health/live?verbose=1`);
    expect(response?.status).toBe(200);
    expect(await response?.json()).toEqual({ port: 3000, path: "/health/live", query: "?verbose=1", method: "GET" });
    expect(response?.headers.get("Cross-Origin-Embedder-Policy")).toBe("require-corp");
    expect(response?.headers.get("Cross-Origin-Resource-Policy")).toBe("same-origin");
    expect(response?.headers.get("Content-Type")).toMatch(/^application\/json/);
  });

  it("carries a form's body and keeps the service's redirect inside the preview", async () => {
    const { fetch } = worker([page("b", [3000], hono)]);
    const response = await fetch(`${ORIGIN}/preview/3000/orders`, { method: "POST", body: '{"items":[]}' });
    expect(response?.status).toBe(201);
    expect(response?.headers.get("Location")).toBe("/preview/3000/orders/7");
  });

  it("skips a page that never answers (closed, frozen) and asks the next", async () => {
    const { fetch } = worker([page("frozen", [3000], hono, true), page("b", [3000], hono)]);
    const response = await fetch(`${ORIGIN}/preview/3000/`);
    expect(response?.status).toBe(200);
  }, 10_000);

  it("shows the service's own error as a page when it throws", async () => {
    const failing: FetchFromService = async () => {
      throw new Error("ECONNREFUSED: nothing listens on port 3000");
    };
    const { fetch } = worker([page("b", [3000], failing)]);
    const response = await fetch(`${ORIGIN}/preview/3000/`);
    expect(response?.status).toBe(502);
    expect(await response?.text()).toContain("ECONNREFUSED: nothing listens on port 3000");
  });
});

describe("clear error pages", () => {
  it("when no sandbox has a service on the port", async () => {
    const { fetch } = worker([page("a", [4000], hono)]);
    const response = await fetch(`${ORIGIN}/preview/3000/`);
    expect(response?.status).toBe(502);
    expect(response?.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response?.headers.get("Cross-Origin-Embedder-Policy")).toBe("require-corp");
    const html = await response?.text();
    expect(html).toContain("Nothing is listening on port 3000");
    expect(html).toContain("Start service");
  });

  it("when the page that ran the service is gone", async () => {
    const pages = [page("owner", [3000], hono), page("other", [], hono)];
    const { fetch } = worker(pages);
    expect((await fetch(`${ORIGIN}/preview/3000/`))?.status).toBe(200);
    pages.shift();
    const response = await fetch(`${ORIGIN}/preview/3000/`);
    expect(response?.status).toBe(503);
    expect(await response?.text()).toContain("The page that ran this service is gone");
  });

  it("when no guide page is open at all", async () => {
    const { fetch } = worker([]);
    const response = await fetch(`${ORIGIN}/preview/3000/`);
    expect(response?.status).toBe(503);
    expect(await response?.text()).toContain("No guide page is open");
  });

  it("escapes what the service said before putting it in the page", async () => {
    const failing: FetchFromService = async () => {
      throw new Error("<script>alert(1)</script>");
    };
    const { fetch } = worker([page("b", [3000], failing)]);
    const html = (await (await fetch(`${ORIGIN}/preview/3000/`))?.text()) ?? "";
    expect(html).not.toContain("<script>");
    expect(html).toContain("&#60;script&#62;");
  });
});
