/**
 * The preview Service Worker of the in-browser runtime. It is registered with the scope
 * `<base>preview/` only, and only when a reader first starts a service in that runtime, so it
 * never sees the guide's own pages. A request for `<base>preview/<port>/<path>` (an iframe or a
 * new tab) is relayed to the guide page whose in-browser runtime has a service on that port; that
 * page answers through the runtime's virtual loopback. Everything stays on the site's origin.
 *
 * A plain classic script served as a same-origin file (public/), so it works under a CSP with
 * `worker-src 'self'` and in every browser that has Service Workers.
 */
"use strict";

/** How long a guide page may take to say whether it owns a port; a closed or frozen page never answers. */
const CLAIM_TIMEOUT_MS = 3000;
/** How long the owning page may take to produce the service's answer. */
const RESPONSE_TIMEOUT_MS = 60000;
/** Responses synthesized here are documents embedded in cross-origin-isolated pages: they must say the same. */
const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
};
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** The page (client id) that last answered for each port, to tell "no service" from "its page is gone". */
const owners = new Map();

self.addEventListener("install", () => {
  void self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", (event) => {
  const target = previewTarget(event.request.url, self.registration.scope);
  // Anything else (a previewed page asking for a file outside its prefix) goes to the network as usual.
  if (!target) return;
  if (target.path === undefined) {
    event.respondWith(redirect(`${target.prefix}/`));
    return;
  }
  event.respondWith(relay(event.request, target));
});

/**
 * `{ port, prefix, path }` for a URL under `<scope><port>/`; `path` (with the query) is undefined
 * when the URL stops at the port. Undefined for every URL outside the scope or without a port.
 */
function previewTarget(url, scope) {
  if (!url.startsWith(scope)) return undefined;
  const match = /^(\d{1,5})(\/[^#]*)?(?:#.*)?$/.exec(url.slice(scope.length));
  if (!match) return undefined;
  const port = Number(match[1]);
  if (port < 1 || port > 65535) return undefined;
  const prefix = new URL(`${scope}${match[1]}`).pathname;
  return { port, prefix, path: match[2] };
}

async function relay(request, target) {
  const pages = (await self.clients.matchAll({ type: "window", includeUncontrolled: true })).filter(
    (client) => !client.url.startsWith(self.registration.scope),
  );
  const body = request.method === "GET" || request.method === "HEAD" ? null : await request.arrayBuffer();
  const message = {
    type: "fg-preview-request",
    port: target.port,
    method: request.method,
    path: target.path,
    headers: [...request.headers],
    body,
  };
  // Most recently focused first: when two tabs run a service on the same port, the one the reader used last answers.
  for (const page of pages) {
    let answer;
    try {
      answer = await ask(page, message);
    } catch (error) {
      return errorPage(502, "The preview failed", String(error && error.message ? error.message : error));
    }
    if (answer === undefined) continue;
    owners.set(target.port, page.id);
    if (answer.type === "fg-preview-failed") {
      return errorPage(502, "The service could not answer", answer.message);
    }
    return serviceResponse(answer, target);
  }
  const owner = owners.get(target.port);
  if (owner !== undefined && !pages.some((page) => page.id === owner)) {
    owners.delete(target.port);
    return errorPage(
      503,
      "The page that ran this service is gone",
      `The guide page that started the service on port ${target.port} was closed or reloaded, and the service ended with it. Open the sandbox again, press Start service, then reload this preview.`,
    );
  }
  if (pages.length === 0) {
    return errorPage(
      503,
      "No guide page is open",
      `Services previewed here run inside a guide page. Open the example's page, press Start service in its sandbox, then reload this preview.`,
    );
  }
  return errorPage(
    502,
    `Nothing is listening on port ${target.port}`,
    `No sandbox in this browser has a service listening on port ${target.port}. Press Start service in the sandbox, wait until it says the service is listening, then reload this preview.`,
  );
}

/**
 * Sends the request to one page. Resolves undefined when that page has no service on the port (or
 * does not answer in time: closed, frozen, or an old version of the page), else with its answer.
 */
function ask(page, message) {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    let timer = setTimeout(() => finish(undefined), CLAIM_TIMEOUT_MS);
    function finish(answer, error) {
      clearTimeout(timer);
      channel.port1.close();
      if (error) reject(error);
      else resolve(answer);
    }
    channel.port1.onmessage = (event) => {
      const data = event.data;
      if (!data || typeof data.type !== "string") return;
      if (data.type === "fg-preview-not-here") finish(undefined);
      else if (data.type === "fg-preview-accepted") {
        clearTimeout(timer);
        timer = setTimeout(
          () =>
            finish(undefined, new Error(`The service did not answer within ${RESPONSE_TIMEOUT_MS / 1000} seconds.`)),
          RESPONSE_TIMEOUT_MS,
        );
      } else finish(data);
    };
    // The body is copied, not transferred: another page may be asked next.
    page.postMessage(message, [channel.port2]);
  });
}

/** The service's answer as the browser's Response, with the isolation headers and redirects kept under the prefix. */
function serviceResponse(answer, target) {
  const headers = new Headers();
  for (const [name, value] of answer.headers) {
    try {
      headers.append(name, value);
    } catch {
      // A header the Response constructor refuses is left out; the rest of the answer is still shown.
    }
  }
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  const location = headers.get("Location");
  if (location) headers.set("Location", underPrefix(location, target));
  const status = answer.status >= 200 && answer.status <= 599 ? answer.status : 502;
  return new Response(NULL_BODY_STATUSES.has(status) ? null : answer.body, {
    status,
    statusText: answer.statusText,
    headers,
  });
}

/** A Location the service gave relative to its own root (`/orders/1`, `http://localhost:3000/…`) stays in the preview. */
function underPrefix(location, target) {
  if (location.startsWith("/") && !location.startsWith("//")) return `${target.prefix}${location}`;
  const loopback = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]):(\d{1,5})(\/.*)?$/.exec(location);
  if (loopback && Number(loopback[1]) === target.port) return `${target.prefix}${loopback[2] || "/"}`;
  return location;
}

function redirect(location) {
  return new Response(null, { status: 308, headers: { ...ISOLATION_HEADERS, Location: location } });
}

function errorPage(status, title, detail) {
  const escape = (text) => String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head>
<body>
<h1>${escape(title)}</h1>
<p>${escape(detail)}</p>
<p>This is the Backend Architecture Field Guide's preview of a service running in your browser.</p>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: { ...ISOLATION_HEADERS, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
