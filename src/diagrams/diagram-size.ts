import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import type { Mermaid } from "mermaid";
import { chromiumArgs, locateChromium } from "../site/chromium.ts";
import { mermaidConfig } from "./mermaid-config.ts";

/** A diagram's drawn size in CSS pixels, used to reserve its box so nothing moves when it renders. */
export interface DiagramSize {
  readonly width: number;
  readonly height: number;
}

const require = createRequire(import.meta.url);
const mermaidScript = join(dirname(require.resolve("mermaid/package.json")), "dist", "mermaid.min.js");
const cacheFile = join(process.cwd(), "node_modules", ".cache", "guide-diagrams", "sizes.json");

let cache: Promise<Map<string, DiagramSize>> | undefined;
let measuring: Promise<unknown> = Promise.resolve();

// Astro may load this module twice (once for the config, once in the build's module graph), and
// the integration's close hook sees only its own copy; a process-wide slot lets either copy close
// the one measuring browser, so the build process can exit.
interface MeasurerSlot {
  page?: Promise<Page | undefined>;
  browser?: Browser;
}
const slotKey = Symbol.for("field-guide.diagram-measurer");
const globalSlots = globalThis as unknown as Record<symbol, MeasurerSlot | undefined>;
const measurer: MeasurerSlot = (globalSlots[slotKey] ??= {});

async function loadCache(): Promise<Map<string, DiagramSize>> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(cacheFile, "utf8")) as Record<string, DiagramSize>));
  } catch {
    return new Map();
  }
}

/** Headless Chromium with Mermaid loaded, or undefined (with one warning) where there is no Chromium. */
async function openPage(): Promise<Page | undefined> {
  const executablePath = locateChromium();
  try {
    const { chromium } = await import("@playwright/test");
    const browser = await chromium.launch({ executablePath, args: chromiumArgs });
    measurer.browser = browser;
    const opened = await browser.newPage();
    await opened.setContent("<!doctype html><html><body></body></html>");
    await opened.addScriptTag({ path: mermaidScript });
    return opened;
  } catch (error) {
    console.warn(
      `[diagrams] cannot measure diagrams without Chromium (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); ` +
        "their boxes get a default height and may grow when drawn. Set CHROMIUM_PATH to fix this.",
    );
    return undefined;
  }
}

async function measureInBrowser(source: string, origin: string): Promise<DiagramSize | undefined> {
  measurer.page ??= openPage();
  const opened = await measurer.page;
  if (!opened) return undefined;
  const result = await opened.evaluate(
    async ({ text, config }) => {
      const api = (globalThis as unknown as { mermaid: Mermaid }).mermaid;
      api.initialize(config);
      try {
        const { svg } = await api.render("measured", text);
        const viewBox = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
        return { width: Number(viewBox?.[1]), height: Number(viewBox?.[2]) };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
    { text: source, config: mermaidConfig("light") },
  );
  if ("error" in result) throw new Error(`${origin}: Mermaid cannot draw this diagram: ${result.error}`);
  return Number.isFinite(result.width) && Number.isFinite(result.height) ? result : undefined;
}

/**
 * Measures a diagram by drawing it once in headless Chromium at build time; results are cached on
 * disk by source. Throws with `origin` when Mermaid cannot draw it; undefined when there is no Chromium.
 */
export async function measureDiagram(source: string, origin: string): Promise<DiagramSize | undefined> {
  cache ??= loadCache();
  const sizes = await cache;
  const key = createHash("sha256").update(source).digest("hex").slice(0, 24);
  const known = sizes.get(key);
  if (known) return known;
  // One page draws one diagram at a time; Mermaid's configuration is global.
  const measured = (measuring = measuring.then(
    () => measureInBrowser(source, origin),
    () => measureInBrowser(source, origin),
  ));
  const size = (await measured) as DiagramSize | undefined;
  if (size) {
    sizes.set(key, size);
    await mkdir(dirname(cacheFile), { recursive: true });
    await writeFile(cacheFile, JSON.stringify(Object.fromEntries(sizes)));
  }
  return size;
}

/** Closes the measuring browser; the integration calls it when a build finishes. */
export async function closeDiagramMeasurer(): Promise<void> {
  const open = measurer.browser;
  measurer.browser = undefined;
  measurer.page = undefined;
  await open?.close();
}
