import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { extractChecklist } from "../../src/checklist/extract.ts";
import { axeViewports, expectNoAxeViolations } from "../support/axe.ts";

const checklistPath = "/operations/production-readiness/";
const areas = extractChecklist(join(import.meta.dirname, "..", "..", "content", "docs"));
const caching = areas.find((area) => area.id === "interfaces-data/caching");
if (!caching) throw new Error("The caching page has no checklist; these tests tick its items.");
const mustHaveCount = areas.flatMap((area) => area.items).filter((item) => item.mustHave).length;
const itemCount = areas.reduce((sum, area) => sum + area.items.length, 0);

function area(page: Page, title: string): Locator {
  return page.getByRole("region", { name: title, exact: true });
}

/** The page with its script started (the toolbar appears only then). */
async function openChecklist(page: Page): Promise<void> {
  await page.goto(checklistPath);
  await expect(page.getByRole("button", { name: "Copy as Markdown" })).toBeVisible();
}

test("lists every item of every page's checklist, in the extracted order", async ({ page }) => {
  await openChecklist(page);
  const ids = await page
    .locator("[data-item]")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-item")));
  expect(ids).toEqual(areas.flatMap((checklistArea) => checklistArea.items.map((item) => item.id)));
});

test("ticking an item updates its area's progress and the total, announces it, and survives a reload", async ({
  page,
}) => {
  await openChecklist(page);
  const cachingArea = area(page, caching.title);
  await expect(cachingArea.getByText(`0 of ${caching.items.length} done`)).toBeVisible();
  await cachingArea.getByRole("checkbox").nth(0).check();
  await cachingArea.getByRole("checkbox").nth(2).check();
  await expect(cachingArea.getByText(`2 of ${caching.items.length} done`)).toBeVisible();
  await expect(page.locator("[data-overall]")).toHaveText(new RegExp(`^2 of ${itemCount} done; must-haves: `));
  await expect(page.locator("[data-announce]")).toHaveText(
    new RegExp(`^${caching.title}: 2 of ${caching.items.length} done\\. Overall 2 of ${itemCount} done`),
  );

  await page.reload();
  await expect(page.getByRole("button", { name: "Copy as Markdown" })).toBeVisible();
  const boxes = area(page, caching.title).getByRole("checkbox");
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).not.toBeChecked();
  await expect(boxes.nth(2)).toBeChecked();
  await expect(area(page, caching.title).getByText(`2 of ${caching.items.length} done`)).toBeVisible();
});

test("a checkbox is a labelled control that the keyboard ticks", async ({ page }) => {
  await openChecklist(page);
  const first = caching.items[0];
  if (!first) throw new Error("no caching item");
  const box = page.getByRole("checkbox", { name: first.text });
  await box.focus();
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
});

test("saved ticks of items that no longer exist are dropped", async ({ page }) => {
  await page.goto(checklistPath);
  const kept = caching.items[1]?.id ?? "";
  await page.evaluate(
    ([known]) =>
      localStorage.setItem(
        "field-guide:production-readiness:v1",
        JSON.stringify({ checked: [known, "interfaces-data/caching/an-item-that-was-reworded"] }),
      ),
    [kept],
  );
  await page.reload();
  await expect(page.locator(`[data-item="${kept}"] input`)).toBeChecked();
  await expect(page.locator("[data-overall]")).toHaveText(new RegExp(`^1 of ${itemCount} done`));
});

test("the must-haves filter shows only must-haves and hides areas without any", async ({ page }) => {
  await openChecklist(page);
  await page.getByRole("checkbox", { name: "Must-haves only" }).check();
  const visible = page.locator("[data-item]:visible");
  await expect(visible).toHaveCount(mustHaveCount);
  expect(await visible.evaluateAll((items) => items.map((item) => item.getAttribute("data-must-have")))).toEqual(
    Array.from({ length: mustHaveCount }, () => "true"),
  );
  const withoutMustHaves = areas.find((candidate) => !candidate.items.some((item) => item.mustHave));
  if (withoutMustHaves) await expect(area(page, withoutMustHaves.title)).toBeHidden();
  await expect(page.locator("[data-announce]")).toHaveText(`Showing the ${mustHaveCount} must-haves.`);
  await expectNoAxeViolations(page, "[data-checklist]");

  await page.getByRole("checkbox", { name: "Must-haves only" }).uncheck();
  await expect(page.locator("[data-item]:visible")).toHaveCount(itemCount);
});

test("reset asks first, cancelling keeps the ticks, confirming clears them for good", async ({ page }) => {
  await openChecklist(page);
  const boxes = area(page, caching.title).getByRole("checkbox");
  await boxes.nth(0).check();
  await boxes.nth(1).check();

  await page.getByRole("button", { name: "Reset…" }).click();
  const dialog = page.getByRole("dialog", { name: "Untick every item?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(boxes.nth(0)).toBeChecked();

  await page.getByRole("button", { name: "Reset…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Untick all" }).click();
  await expect(boxes.nth(0)).not.toBeChecked();
  await expect(boxes.nth(1)).not.toBeChecked();
  await page.reload();
  await expect(page.getByRole("button", { name: "Copy as Markdown" })).toBeVisible();
  await expect(page.locator("[data-item] input:checked")).toHaveCount(0);
});

test.describe("export", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("downloads and copies the same Markdown: task items grouped by area, with absolute links", async ({ page }) => {
    await openChecklist(page);
    const [first, second] = caching.items;
    if (!first || !second) throw new Error("no caching items");
    await area(page, caching.title).getByRole("checkbox").nth(0).check();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .md" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^production-readiness-\d{4}-\d{2}-\d{2}\.md$/);
    const file = readFileSync(await download.path(), "utf8");
    const absolute = (href: string) => new URL(href, "https://backend-field-guide.dev/").href;
    expect(file).toMatch(/^# Production readiness\n\n1 of \d+ done; must-haves: 0 of \d+ done\./);
    expect(file).toContain(
      `## ${caching.title} (1 of ${caching.items.length})\n\n` +
        `- [x] ${first.markdown} ([${first.linkLabel}](${absolute(first.href)}))\n` +
        `- [ ] ${second.markdown} ([${second.linkLabel}](${absolute(second.href)}))\n`,
    );
    expect(file.match(/^- \[[ x]\] /gm)).toHaveLength(itemCount);

    await page.getByRole("button", { name: "Copy as Markdown" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied the checklist" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(file);
  });
});

test("every item links to a page, or a heading on it, that exists", async ({ page, request }) => {
  await openChecklist(page);
  const hrefs = await page
    .locator("a.checklist__why")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(hrefs).toHaveLength(itemCount);
  const anchorsByPage = new Map<string, string[]>();
  for (const href of hrefs) {
    const [path = "", anchor = ""] = href.split("#");
    anchorsByPage.set(path, [...(anchorsByPage.get(path) ?? []), anchor]);
  }
  for (const [path, anchors] of anchorsByPage) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    // An item may link to a whole page (no anchor); the page answering 200 is then the check.
    for (const anchor of new Set(anchors.filter(Boolean)))
      expect(html, `${path}#${anchor}`).toContain(`id="${anchor}"`);
  }
});

test("the page is accessible with items ticked, at every width", async ({ page }) => {
  test.setTimeout(180_000); // axe on a long page takes a while on a busy machine
  await openChecklist(page);
  await area(page, caching.title).getByRole("checkbox").nth(0).check();
  for (const viewport of axeViewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await expectNoAxeViolations(page);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page is a plain list of every item with its link, and no controls", async ({ page }) => {
    await page.goto(checklistPath);
    const items = page.locator("[data-item]");
    await expect(items).toHaveCount(itemCount);
    await expect(items.first()).toBeVisible();
    await expect(page.locator("[data-checklist]").getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Copy as Markdown" })).toBeHidden();
    const first = caching.items[0];
    if (!first) throw new Error("no caching item");
    const item = page.locator(`[data-item="${first.id}"]`);
    await expect(item).toContainText(first.text);
    await expect(item.getByRole("link")).toHaveAttribute("href", first.href);
    // Playwright turns scripts off without changing how the parser reads <noscript>, so its note is checked as markup.
    expect(await page.locator("[data-checklist] noscript").innerHTML()).toContain("need JavaScript");
  });
});
