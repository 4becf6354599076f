import type { Mermaid } from "mermaid";
import { mermaidConfig } from "./mermaid-config.ts";

/** Fired (bubbling) on a diagram's figure each time its SVG is drawn, including redraws for a theme change. */
export const diagramRenderedEvent = "guide:diagram-rendered";

/**
 * Start drawing a diagram when it is this close to the viewport: enough head start to be ready as it
 * scrolls in, small enough that a diagram further down costs nothing while the page loads.
 */
const lookahead = "300px 0px";

type SiteTheme = "light" | "dark";

let mermaid: Promise<Mermaid> | undefined;
let drawing: Promise<void> = Promise.resolve();
let sequence = 0;
let watching = false;

function siteTheme(): SiteTheme {
  return document.documentElement.dataset["theme"] === "dark" ? "dark" : "light";
}

/** Mermaid is loaded the first time a diagram nears the viewport, never on pages without one. */
function loadMermaid(): Promise<Mermaid> {
  mermaid ??= import("mermaid").then((module) => module.default);
  return mermaid;
}

async function draw(figure: HTMLElement): Promise<void> {
  const canvas = figure.querySelector<HTMLElement>("[data-diagram-canvas]");
  const source = figure.querySelector("[data-diagram-source]")?.textContent ?? "";
  if (!canvas) return;
  const theme = siteTheme();
  try {
    const api = await loadMermaid();
    api.initialize(mermaidConfig(theme));
    const { svg, bindFunctions } = await api.render(`guide-diagram-${(sequence += 1)}`, source);
    canvas.innerHTML = svg;
    bindFunctions?.(canvas);
    figure.dataset["diagramState"] = "rendered";
    figure.dataset["diagramTheme"] = theme;
    figure.dispatchEvent(new CustomEvent(diagramRenderedEvent, { bubbles: true }));
  } catch (error) {
    // Never a blank box: keep the text fallback and say why the picture is missing.
    figure.dataset["diagramState"] = "failed";
    const note = document.createElement("p");
    note.className = "mermaid-diagram__error";
    note.textContent = `This diagram could not be drawn (${error instanceof Error ? error.message : String(error)}). Its description and source are below.`;
    canvas.replaceChildren(note);
  }
}

/** Mermaid keeps one global configuration, so renders run one after another. */
function queueDraw(figure: HTMLElement): Promise<void> {
  drawing = drawing.then(() => draw(figure));
  return drawing;
}

/**
 * Draws every diagram figure on the page as it nears the viewport, and redraws drawn ones when the
 * reader switches Starlight's light/dark theme. Safe to call more than once.
 */
export function watchDiagrams(): void {
  if (watching) return;
  watching = true;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void queueDraw(entry.target as HTMLElement);
      }
    },
    { rootMargin: lookahead },
  );
  for (const figure of document.querySelectorAll<HTMLElement>("[data-diagram]")) observer.observe(figure);

  new MutationObserver(() => {
    const theme = siteTheme();
    for (const figure of document.querySelectorAll<HTMLElement>("[data-diagram][data-diagram-state=rendered]")) {
      if (figure.dataset["diagramTheme"] !== theme) void queueDraw(figure);
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
}
