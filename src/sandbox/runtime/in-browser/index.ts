/**
 * The in-browser runtime's public surface (see README.md): the Runtime for the sandbox and the
 * bridge the preview Service Worker uses to reach a service started in this page.
 */
export {
  createInBrowserRuntime,
  fetchFromService,
  type InBrowserRuntime,
  type InBrowserRuntimeOptions,
} from "./page-runtime.ts";
