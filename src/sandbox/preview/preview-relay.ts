/**
 * The page's half of the preview: registers the preview Service Worker (public/preview-sw.js) on
 * first use and answers its requests for the ports this page's in-browser runtime serves, through
 * the runtime's `fetchFromService`. The worker asks every open guide page; a page that has no
 * service on the port says so at once, so the worker can ask the next one.
 */

/** Sends one request to a service of the in-browser runtime on this page (its virtual loopback). */
export type FetchFromService = (port: number, request: Request) => Promise<Response>;

/** What the Service Worker sends for one preview request (see public/preview-sw.js). */
export interface PreviewRequestMessage {
  readonly type: "fg-preview-request";
  readonly port: number;
  readonly method: string;
  /** Path and query under the service's root, e.g. `/orders/1?x=1`. */
  readonly path: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: ArrayBuffer | null;
}

/** What the page answers; `accepted` comes first when it owns the port, then the response or the failure. */
export type PreviewReply =
  | { readonly type: "fg-preview-not-here" }
  | { readonly type: "fg-preview-accepted" }
  | {
      readonly type: "fg-preview-response";
      readonly status: number;
      readonly statusText: string;
      readonly headers: ReadonlyArray<readonly [string, string]>;
      readonly body: ArrayBuffer;
    }
  | { readonly type: "fg-preview-failed"; readonly message: string };

/** Where the worker lives and what it controls; both under the site's base path. */
export function previewLocations(base: string): { scriptUrl: string; scope: string } {
  const root = base.endsWith("/") ? base : `${base}/`;
  return { scriptUrl: `${root}preview-sw.js`, scope: `${root}preview/` };
}

/** The URL an iframe or a new tab opens to see the service on `port`. */
export function previewUrl(base: string, port: number): string {
  return `${previewLocations(base).scope}${port}/`;
}

export function isPreviewRequest(data: unknown): data is PreviewRequestMessage {
  if (typeof data !== "object" || data === null) return false;
  const message = data as Partial<PreviewRequestMessage>;
  return (
    message.type === "fg-preview-request" &&
    typeof message.port === "number" &&
    typeof message.method === "string" &&
    typeof message.path === "string" &&
    message.path.startsWith("/") &&
    Array.isArray(message.headers)
  );
}

/**
 * Answers one preview request: `not-here` when this page has no service on the port, else
 * `accepted` and then the service's response (or why it failed), each through `reply`.
 */
export async function answerPreviewRequest(
  message: PreviewRequestMessage,
  serves: (port: number) => boolean,
  fetchFromService: FetchFromService,
  reply: (answer: PreviewReply, transfer?: Transferable[]) => void,
): Promise<void> {
  if (!serves(message.port)) {
    reply({ type: "fg-preview-not-here" });
    return;
  }
  reply({ type: "fg-preview-accepted" });
  try {
    const headers = new Headers();
    for (const [name, value] of message.headers) {
      try {
        headers.append(name, value);
      } catch {
        // A header a page-made Request may not carry (the browser's own) is left out.
      }
    }
    const request = new Request(`http://localhost:${message.port}${message.path}`, {
      method: message.method,
      headers,
      ...(message.body && message.method !== "GET" && message.method !== "HEAD" ? { body: message.body } : {}),
    });
    const response = await fetchFromService(message.port, request);
    const body = await response.arrayBuffer();
    reply(
      {
        type: "fg-preview-response",
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body,
      },
      [body],
    );
  } catch (error) {
    reply({ type: "fg-preview-failed", message: error instanceof Error ? error.message : String(error) });
  }
}

export interface PreviewRelay {
  /** Registers the worker (once) and starts answering it; rejects with a reader-facing reason when previews cannot work here. */
  start(): Promise<void>;
  /** This page now serves `port` (a service of its in-browser runtime is listening there). */
  claim(port: number): void;
  /** The service on `port` has ended. */
  release(port: number): void;
}

export interface PreviewRelayOptions {
  readonly fetchFromService: FetchFromService;
  /** The site's base path, e.g. `/`. */
  readonly base: string;
  readonly container?: ServiceWorkerContainer | undefined;
}

/** One relay per page, shared by every sandbox on it. */
export function createPreviewRelay(options: PreviewRelayOptions): PreviewRelay {
  const ports = new Map<number, number>();
  let started: Promise<void> | undefined;

  async function register(): Promise<void> {
    const container = options.container;
    if (!container) {
      throw new Error(
        "this browser offers no Service Workers here (private windows of some browsers turn them off), so a service cannot be opened in a frame or tab",
      );
    }
    container.addEventListener("message", (event: MessageEvent) => {
      if (!isPreviewRequest(event.data)) return;
      const port = event.ports[0];
      if (!port) return;
      void answerPreviewRequest(
        event.data,
        (servicePort) => (ports.get(servicePort) ?? 0) > 0,
        options.fetchFromService,
        (answer, transfer) => port.postMessage(answer, transfer ?? []),
      );
    });
    // Messages from the worker wait in a queue until the page says it listens.
    container.startMessages();
    const { scriptUrl, scope } = previewLocations(options.base);
    const registration = await container.register(scriptUrl, { scope, updateViaCache: "none" });
    // `container.ready` would wait forever: it follows the worker of the page's own scope, and guide pages are outside this one.
    await activated(registration);
  }

  return {
    start() {
      started ??= register().catch((error: unknown) => {
        started = undefined;
        throw error;
      });
      return started;
    },
    claim(port) {
      ports.set(port, (ports.get(port) ?? 0) + 1);
    },
    release(port) {
      const count = (ports.get(port) ?? 0) - 1;
      if (count > 0) ports.set(port, count);
      else ports.delete(port);
    },
  };
}

/** Resolves when the registration has an active worker; rejects if installing it fails. */
function activated(registration: ServiceWorkerRegistration): Promise<void> {
  if (registration.active) return Promise.resolve();
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return Promise.reject(new Error("the preview Service Worker did not install"));
  return new Promise((resolve, reject) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve();
      else if (worker.state === "redundant") reject(new Error("the preview Service Worker failed to install"));
    });
    if (worker.state === "activated") resolve();
  });
}
