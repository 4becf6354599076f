/**
 * The virtual loopback: servers started with serve() register their fetch handler on a port that
 * the page allocates (so two processes cannot both hold one), and fetch() to localhost/127.0.0.1
 * reaches them: directly when this process owns the port, through the page otherwise. A port
 * nobody listens on fails like Node's fetch (TypeError "fetch failed", cause ECONNREFUSED).
 * The site's own origin goes to the network as usual (PGlite's WASM comes from there); any other
 * origin is refused: the runtime fetches nothing from elsewhere.
 */
import { EventEmitter } from "events";
import type { ToWorker, WireRequest, WireResponse } from "../protocol.ts";
import { holdHandle, post } from "./host.ts";

type Handler = (request: Request) => Response | Promise<Response>;

// The reason phrases node:http sends, which clients see as statusText (an app's Response has "").
const REASONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  410: "Gone",
  412: "Precondition Failed",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  428: "Precondition Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The response as a client of node:http sees it: with the standard reason phrase when the app set none. */
function asReceived(response: Response): Response {
  if (response.statusText !== "" || !(response.status in REASONS)) return response;
  return new Response(NULL_BODY.has(response.status) ? null : response.body, {
    status: response.status,
    statusText: REASONS[response.status],
    headers: response.headers,
  });
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0", "[::]"]);
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const servers = new Map<number, VirtualServer>();
const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
let nextCall = 1;
const nativeFetch = globalThis.fetch.bind(globalThis);

function call<T>(send: (id: number) => void): Promise<T> {
  const id = nextCall++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: never) => void, reject });
    send(id);
  });
}

export function refusedError(port: number): TypeError {
  const cause = Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), {
    errno: -111,
    code: "ECONNREFUSED",
    syscall: "connect",
    address: "127.0.0.1",
    port,
  });
  return new TypeError("fetch failed", { cause });
}

export async function toWire(request: Request): Promise<WireRequest> {
  const body = request.method === "GET" || request.method === "HEAD" ? null : await request.arrayBuffer();
  return { method: request.method, url: request.url, headers: [...request.headers], body };
}

export function fromWire(request: WireRequest): Request {
  return new Request(request.url, {
    method: request.method,
    headers: request.headers as [string, string][],
    body: request.body,
  });
}

export async function responseToWire(response: Response): Promise<WireResponse> {
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body: await response.arrayBuffer(),
  };
}

export function responseFromWire(response: WireResponse): Response {
  return new Response(NULL_BODY.has(response.status) ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers as [string, string][],
  });
}

/** What serve() returns: enough of node:http's Server for the examples (address, close, events). */
export class VirtualServer extends EventEmitter {
  #port: number | undefined;
  #inFlight = 0;
  #closeWaiters: Array<() => void> = [];
  #release: (() => void) | undefined;
  #handler: Handler;
  listening = false;

  constructor(handler: Handler) {
    super();
    this.#handler = handler;
  }

  /** Asks the page for the port; emits "listening" or "error" (EADDRINUSE) like node:http. */
  listen(port: number, hostname = "::"): this {
    call<number>((id) => post({ type: "listen", id, port })).then(
      (granted) => {
        this.#port = granted;
        this.listening = true;
        servers.set(granted, this);
        this.#release = holdHandle();
        this.emit("listening");
      },
      (error: Error) => {
        const failure = Object.assign(
          new Error(`listen ${error.message}: address already in use ${hostname}:${port}`),
          {
            code: error.message,
            errno: -98,
            syscall: "listen",
            address: hostname,
            port,
          },
        );
        this.emit("error", failure);
      },
    );
    return this;
  }

  address(): { address: string; family: string; port: number } | null {
    return this.listening && this.#port !== undefined ? { address: "::", family: "IPv6", port: this.#port } : null;
  }

  /** Serves one request; counts it so close() waits for it, as node:http does. */
  async dispatch(request: Request): Promise<Response> {
    this.#inFlight += 1;
    try {
      return await this.#handler(request);
    } catch (error) {
      this.emit("requestError", error);
      return new Response("Internal Server Error", { status: 500 });
    } finally {
      this.#inFlight -= 1;
      if (this.#inFlight === 0) this.#closeWaiters.splice(0).forEach((done) => done());
    }
  }

  /** Stops taking new requests at once; calls back once the ones in flight are answered. */
  close(callback?: (error?: Error) => void): this {
    if (!this.listening) {
      const error = Object.assign(new Error("Server is not running."), { code: "ERR_SERVER_NOT_RUNNING" });
      if (callback) queueMicrotask(() => callback(error));
      return this;
    }
    this.listening = false;
    if (this.#port !== undefined) {
      servers.delete(this.#port);
      post({ type: "unlisten", port: this.#port });
    }
    const finish = () => {
      this.#release?.();
      this.emit("close");
      callback?.();
    };
    if (this.#inFlight === 0) queueMicrotask(finish);
    else this.#closeWaiters.push(finish);
    return this;
  }

  closeIdleConnections(): void {}
  closeAllConnections(): void {}
  ref(): this {
    return this;
  }
  unref(): this {
    this.#release?.();
    this.#release = undefined;
    return this;
  }
  setTimeout(): this {
    return this;
  }
  [Symbol.asyncDispose](): Promise<void> {
    return new Promise((resolve) => this.close(() => resolve()));
  }
}

async function fetchOnce(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.origin === self.location.origin) {
    const release = holdHandle();
    try {
      return await nativeFetch(request);
    } finally {
      release();
    }
  }
  if (url.protocol !== "http:" || !LOOPBACK_HOSTS.has(url.hostname)) {
    const cause = Object.assign(
      new Error(
        `The in-browser runtime has no network: it reaches services started in this page (http://localhost:<port>) and the site itself, not ${url.origin}.`,
      ),
      { code: "ENETUNREACH" },
    );
    throw new TypeError("fetch failed", { cause });
  }
  const port = Number(url.port || 80);
  const release = holdHandle();
  try {
    const local = servers.get(port);
    if (local) return asReceived(await local.dispatch(request));
    const wire = await toWire(request);
    const answer = await call<{ response?: WireResponse; refused?: boolean; error?: string }>((id) =>
      post({ type: "remote-fetch", id, port, request: wire }, wire.body ? [wire.body] : []),
    );
    if (answer.response) return responseFromWire(answer.response);
    if (answer.refused) throw refusedError(port);
    throw new TypeError("fetch failed", { cause: new Error(answer.error ?? "the request failed") });
  } finally {
    release();
  }
}

/** fetch() as Node's: loopback to the page's processes, the site's origin, nothing else; follows redirects. */
export async function loopbackFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  let request = new Request(input, init);
  for (let hops = 0; ; hops += 1) {
    const response = await fetchOnce(request.clone());
    const location = response.headers.get("location");
    if (request.redirect !== "follow" || !location || ![301, 302, 303, 307, 308].includes(response.status))
      return response;
    if (hops >= 20) throw new TypeError("fetch failed", { cause: new Error("redirect count exceeded") });
    const keepsBody = response.status === 307 || response.status === 308;
    request = new Request(new URL(location, request.url), {
      method: keepsBody ? request.method : request.method === "HEAD" ? "HEAD" : "GET",
      headers: request.headers,
      body: keepsBody && request.method !== "GET" && request.method !== "HEAD" ? await request.arrayBuffer() : null,
    });
  }
}

/** Requests from the page (the request panel, the preview, another process) for a port this process owns. */
async function answer(id: number, port: number, wire: WireRequest): Promise<void> {
  const server = servers.get(port);
  if (!server) return post({ type: "response", id, refused: true });
  try {
    const response = await responseToWire(asReceived(await server.dispatch(fromWire(wire))));
    post({ type: "response", id, response }, [response.body]);
  } catch (error) {
    post({ type: "response", id, error: String(error) });
  }
}

/** Handles the loopback messages from the page; true when the message was one of them. */
export function handleLoopbackMessage(message: ToWorker): boolean {
  if (message.type === "request") {
    void answer(message.id, message.port, message.request);
    return true;
  }
  if (message.type === "listen-result" || message.type === "remote-response") {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (!waiter) return true;
    if (message.type === "listen-result") {
      if (message.error !== undefined) waiter.reject(new Error(message.error));
      else waiter.resolve(message.port as never);
    } else waiter.resolve(message as never);
    return true;
  }
  return false;
}

export function installLoopbackFetch(): void {
  globalThis.fetch = loopbackFetch as typeof fetch;
}
