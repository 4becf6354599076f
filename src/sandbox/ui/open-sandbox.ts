/**
 * The sandbox's lazy entry point, imported by the card only when the reader clicks Open sandbox:
 * fetches the example's file map, restores saved edits, finds the runtimes and builds the UI.
 */
import type { ExampleBundle } from "../files/example-files.ts";
import { detectRuntimeOptions } from "./runtime-choices.ts";
import { createSandboxSession } from "./sandbox-session.ts";
import { mountSandboxView } from "./sandbox-view.ts";
import { openSavedEdits } from "./saved-edits.ts";
import xtermCss from "@xterm/xterm/css/xterm.css?inline";
import sandboxCss from "./sandbox.css?inline";

export interface OpenSandboxOptions {
  readonly mount: HTMLElement;
  readonly example: string;
  readonly openFirst: string;
  readonly title: string;
}

/** Opens the sandbox for `example` inside `mount` and moves focus to it. */
export async function openSandbox(options: OpenSandboxOptions): Promise<void> {
  addStylesOnce();
  const [bundle, runtimes] = await Promise.all([
    fetchBundle(options.example),
    detectRuntimeOptions({
      // Its own chunk, imported on the first Run in that runtime, not with the sandbox.
      loadInBrowser: () => import("../runtime/in-browser/index.ts"),
      base: import.meta.env.BASE_URL,
    }),
  ]);
  const savedEdits = openSavedEdits(bundle.name, () => window.localStorage);
  const session = createSandboxSession({ example: bundle.name, originals: bundle.files, savedEdits, runtimes });
  const root = mountSandboxView(options.mount, {
    bundle,
    session,
    title: options.title || bundle.title,
    openFirst: bundle.files[options.openFirst] === undefined ? bundle.openFirst : options.openFirst,
    storageMessage: savedEdits.problem?.message,
  });
  root.focus();
}

/**
 * The sandbox's styles travel inside this lazy chunk and are added on first open: imported as
 * plain CSS, Astro would link them from every page with a card, before anyone clicks.
 */
function addStylesOnce(): void {
  if (document.querySelector("style[data-fg-sandbox]")) return;
  const style = document.createElement("style");
  style.dataset["fgSandbox"] = "";
  style.textContent = `${xtermCss}\n${sandboxCss}`;
  document.head.append(style);
}

async function fetchBundle(example: string): Promise<ExampleBundle> {
  const url = `${import.meta.env.BASE_URL.replace(/\/?$/, "/")}sandbox/${encodeURIComponent(example)}.json`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(
      `the example's files could not be fetched from ${url}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (!response.ok) throw new Error(`the example's files could not be fetched from ${url} (HTTP ${response.status})`);
  return (await response.json()) as ExampleBundle;
}
