/** The same-origin guard every static-build test runs under (same-origin.ts) catches a request that leaves the site. */
import { expect, requestOrigin, test } from "./same-origin.ts";

test("the guard records a request to another origin, from the page and from a worker", async ({
  page,
  foreignRequests,
}) => {
  // A same-origin document without the pages' Content-Security-Policy, which would block these requests before they
  // are made (connect-src 'self'): the guard must still catch what gets past a policy.
  await page.goto("/robots.txt");
  await page.evaluate(async () => {
    // 127.0.0.2:9 is another origin that needs no network: the request fails at once, but it was made.
    await fetch("http://127.0.0.2:9/from-the-page").catch(() => undefined);
    const source = 'fetch("http://127.0.0.2:9/from-a-worker").catch(() => undefined).then(() => postMessage("done"));';
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
    await new Promise((resolve) => worker.addEventListener("message", resolve, { once: true }));
    worker.terminate();
  });
  await expect
    .poll(() => [...foreignRequests])
    .toEqual(["GET http://127.0.0.2:9/from-the-page", "GET http://127.0.0.2:9/from-a-worker"]);
  // Seen, so the guard works; emptied, so this test's own teardown check passes.
  foreignRequests.splice(0);
});

test("blob: URLs count as the origin that made them; data: URLs never reach the network", () => {
  expect(requestOrigin("blob:http://localhost:4511/0b7c")).toBe("http://localhost:4511");
  expect(requestOrigin("data:text/plain,hi")).toBeUndefined();
  expect(requestOrigin("https://stackblitz.com/x")).toBe("https://stackblitz.com");
});
