/** The runtimes this page offers (from the runtime detector), as options the reader can pick between. */
import { detectRuntimes } from "../runtime/detect.ts";
import type { Runtime } from "../runtime/port.ts";
import {
  createPreviewRelay,
  previewLocations,
  type FetchFromService,
  type PreviewRelay,
} from "../preview/preview-relay.ts";
import { withPreview } from "../preview/with-preview.ts";
import type { RuntimeOption } from "./runtime-options.ts";

/** What the in-browser runtime's module gives the page (src/sandbox/runtime/in-browser/). */
export interface InBrowserModule {
  /** `baseUrl`: where the build put the runtime's files; `previewBase`: where the preview worker serves ports. */
  createInBrowserRuntime(options?: { baseUrl?: string; previewBase?: string }): Runtime;
  fetchFromService: FetchFromService;
}

export interface RuntimeChoiceOptions {
  /** Imports the in-browser runtime; called on its first use only, so nothing of it loads before Run. */
  readonly loadInBrowser?: () => Promise<InBrowserModule>;
  /** The site's base path, under which the preview lives. */
  readonly base?: string;
  readonly serviceWorkers?: ServiceWorkerContainer | undefined;
  readonly detect?: typeof detectRuntimes;
}

/** One preview relay per page, however many sandboxes it has. */
let pageRelay: PreviewRelay | undefined;

/**
 * Detects the runtimes (one same-origin handshake; nothing boots), local runner first, then the
 * in-browser runtime (with its preview), then WebContainer. The session picks the first available.
 */
export async function detectRuntimeOptions(options: RuntimeChoiceOptions = {}): Promise<RuntimeOption[]> {
  const { loadInBrowser } = options;
  const base = options.base ?? "/";
  const detected = await (options.detect ?? detectRuntimes)({
    ...(loadInBrowser
      ? {
          inBrowser: async () => {
            const module = await loadInBrowser();
            pageRelay ??= createPreviewRelay({
              fetchFromService: module.fetchFromService,
              base,
              container: options.serviceWorkers ?? currentServiceWorkers(),
            });
            const root = base.endsWith("/") ? base : `${base}/`;
            const runtime = module.createInBrowserRuntime({
              baseUrl: `${root}_runtime/`,
              previewBase: previewLocations(base).scope,
            });
            return withPreview(runtime, pageRelay, base);
          },
        }
      : {}),
  });
  return detected.map((runtime) => ({
    kind: runtime.kind,
    availability: runtime.availability,
    connect: () => runtime.connect(),
  }));
}

function currentServiceWorkers(): ServiceWorkerContainer | undefined {
  return typeof navigator !== "undefined" && "serviceWorker" in navigator ? navigator.serviceWorker : undefined;
}
