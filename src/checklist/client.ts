/**
 * Turns the server-rendered checklist (a plain list of items with links) into a tool: checkboxes saved in the
 * browser, progress per area and overall, a must-haves filter, reset with confirmation, and export as Markdown.
 * Everything it needs is in the page's markup (data attributes written by ProductionChecklist.astro).
 */
import { confirmDialog } from "../sandbox/ui/confirm-dialog.ts";
import { checklistMarkdown, exportFileName, type ExportArea } from "./markdown-export.ts";
import { clearChecked, loadChecked, saveChecked } from "./storage.ts";

interface ItemView {
  readonly id: string;
  readonly element: HTMLElement;
  readonly box: HTMLInputElement;
  readonly mustHave: boolean;
}

interface AreaView {
  readonly element: HTMLElement;
  readonly title: string;
  readonly progress: HTMLElement;
  readonly items: readonly ItemView[];
}

/** localStorage, or undefined where the browser forbids it (reading the property itself can throw). */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const doneOf = (items: readonly ItemView[]) => items.filter((item) => item.box.checked).length;
const today = () => new Date().toISOString().slice(0, 10);

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`The production checklist's markup has no ${selector}.`);
  return element;
}

/** Wires one checklist root (`[data-checklist]`). */
export function startChecklist(root: HTMLElement): void {
  const storage = browserStorage();
  const areas: AreaView[] = [...root.querySelectorAll<HTMLElement>("[data-area]")].map((element) => ({
    element,
    title: element.dataset["areaTitle"] ?? "",
    progress: required(element, "[data-area-progress]"),
    items: [...element.querySelectorAll<HTMLElement>("[data-item]")].map((item) => ({
      id: item.dataset["item"] ?? "",
      element: item,
      box: required<HTMLInputElement>(item, "input[type=checkbox]"),
      mustHave: item.dataset["mustHave"] === "true",
    })),
  }));
  const items = areas.flatMap((area) => area.items);
  const tools = required<HTMLElement>(root, "[data-tools]");
  const overall = required<HTMLElement>(root, "[data-overall]");
  const bar = required<HTMLProgressElement>(root, "[data-overall-bar]");
  const announcer = required<HTMLElement>(root, "[data-announce]");
  const status = required<HTMLElement>(root, "[data-export-status]");
  const filter = required<HTMLInputElement>(root, "[data-filter]");

  const checked = loadChecked(
    storage,
    items.map((item) => item.id),
  );
  for (const item of items) {
    item.box.checked = checked.has(item.id);
    item.box.hidden = false;
    item.box.disabled = false;
  }
  // Ids of removed or reworded items are not in `checked`, so the next save forgets them for good.

  const overallText = () => {
    const mustHaves = items.filter((item) => item.mustHave);
    return `${doneOf(items)} of ${items.length} done; must-haves: ${doneOf(mustHaves)} of ${mustHaves.length}.`;
  };
  const render = () => {
    for (const area of areas) area.progress.textContent = `${doneOf(area.items)} of ${area.items.length} done`;
    overall.textContent = overallText();
    bar.max = items.length;
    bar.value = doneOf(items);
  };
  const applyFilter = () => {
    const only = filter.checked;
    for (const area of areas) {
      for (const item of area.items) item.element.hidden = only && !item.mustHave;
      area.element.hidden = only && !area.items.some((item) => item.mustHave);
    }
  };
  const persist = () => {
    const saved = saveChecked(
      storage,
      items.filter((item) => item.box.checked).map((item) => item.id),
    );
    status.textContent = saved
      ? ""
      : "This browser does not let the page save your ticks; export them before you leave.";
  };

  root.addEventListener("change", (event) => {
    const target = event.target;
    if (target === filter) {
      applyFilter();
      announcer.textContent = filter.checked
        ? `Showing the ${items.filter((item) => item.mustHave).length} must-haves.`
        : `Showing all ${items.length} items.`;
      return;
    }
    const area = areas.find((candidate) => candidate.items.some((item) => item.box === target));
    if (!area) return;
    persist();
    render();
    announcer.textContent = `${area.title}: ${doneOf(area.items)} of ${area.items.length} done. Overall ${overallText()}`;
  });

  const markdown = () => {
    const exported: ExportArea[] = areas.map((area) => ({
      title: area.title,
      items: area.items.map((item) => ({
        markdown: item.element.dataset["markdown"] ?? "",
        href: item.element.dataset["href"] ?? "",
        linkLabel: item.element.dataset["linkLabel"] ?? "",
        checked: item.box.checked,
        mustHave: item.mustHave,
      })),
    }));
    return checklistMarkdown(exported, {
      site: root.dataset["site"] ?? window.location.origin,
      pageHref: root.dataset["page"] ?? window.location.pathname,
      date: today(),
    });
  };

  required<HTMLButtonElement>(root, "[data-copy]").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(markdown());
      status.textContent = `Copied the checklist (${items.length} items) as Markdown.`;
    } catch {
      status.textContent = "This browser did not allow copying. Use “Download .md” instead.";
    }
  });

  required<HTMLButtonElement>(root, "[data-download]").addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([markdown()], { type: "text/markdown;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = exportFileName(today());
    link.hidden = true;
    root.append(link);
    link.click();
    link.remove();
    // The download has started from the URL; keeping it alive a moment longer costs nothing.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.textContent = `Downloaded ${link.download}.`;
  });

  required<HTMLButtonElement>(root, "[data-reset]").addEventListener("click", async () => {
    const done = doneOf(items);
    const confirmed = await confirmDialog(root, {
      title: "Untick every item?",
      message: `This clears the ${done} ${done === 1 ? "tick" : "ticks"} saved in this browser. Export first if you want to keep them.`,
      confirmLabel: "Untick all",
    });
    if (!confirmed) return;
    for (const item of items) item.box.checked = false;
    clearChecked(storage);
    render();
    announcer.textContent = `All items unticked. ${overallText()}`;
  });

  tools.hidden = false;
  render();
  applyFilter();
}
