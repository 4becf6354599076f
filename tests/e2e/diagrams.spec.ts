import { expect, test, type Page } from "@playwright/test";
import { sitemapPaths } from "../support/sitemap.ts";

const navigatorPath = "/start-here/decision-navigator/";
const pageWithDiagrams = "/start-here/overview/";

/** Every script URL the page requests from now on. */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  return scripts;
}

const isMermaid = (url: string) => /\/mermaid\.core\.[^/]*\.js$/.test(url);

test("a page without diagrams loads no Mermaid JavaScript", async ({ page }) => {
  const scripts = recordScripts(page);
  await page.goto("/reference/examples/", { waitUntil: "networkidle" });
  await expect(page.locator("[data-diagram]")).toHaveCount(0);
  expect(scripts.filter(isMermaid)).toEqual([]);
});

test("Mermaid loads only when a diagram nears the viewport, and the box does not change size", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 400 });
  const scripts = recordScripts(page);
  await page.goto(navigatorPath, { waitUntil: "networkidle" });
  const figure = page.locator('[data-tree="architecture"] [data-diagram]');
  expect(scripts.filter(isMermaid)).toEqual([]);
  await expect(figure).not.toHaveAttribute("data-diagram-state", "rendered");

  const reserved = await figure.boundingBox();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute("data-diagram-state", "rendered");
  expect(scripts.filter(isMermaid)).toHaveLength(1);
  const drawn = await figure.boundingBox();
  expect(drawn?.height).toBeCloseTo(reserved?.height ?? 0, 0);
});

test("a drawn diagram is labelled by its accTitle and described by its accDescr", async ({ page }) => {
  await page.goto(pageWithDiagrams);
  const figures = page.locator("[data-diagram]");
  expect(await figures.count()).toBeGreaterThanOrEqual(2);
  for (const figure of await figures.all()) {
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toHaveAttribute("data-diagram-state", "rendered");
    const source = (await figure.locator("[data-diagram-source]").textContent()) ?? "";
    const title = /accTitle:\s*(.+)/.exec(source)?.[1]?.trim() ?? "";
    const svg = figure.locator("svg").first();
    await expect(svg).toHaveAccessibleName(title);
    await expect(figure.locator("figcaption")).toHaveText(title);
    await expect(svg.locator("desc")).not.toBeEmpty();
  }
});

test("switching the theme redraws drawn diagrams in the new theme", async ({ page }) => {
  await page.goto(pageWithDiagrams);
  const themeSelect = page.getByRole("combobox", { name: "Select theme" }).first();
  await themeSelect.selectOption("light");
  const figure = page.locator("[data-diagram]").first();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute("data-diagram-theme", "light");
  const lightSvg = await figure.locator("svg").first().innerHTML();

  await themeSelect.selectOption("dark");
  await expect(figure).toHaveAttribute("data-diagram-theme", "dark");
  await expect(figure).toHaveAttribute("data-diagram-state", "rendered");
  const darkSvg = await figure.locator("svg").first().innerHTML();
  expect(darkSvg).not.toEqual(lightSvg);
});

test("with JavaScript off, a diagram shows its description and its source", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto(pageWithDiagrams);
  const figure = page.locator("[data-diagram]").first();
  const source = (await figure.locator("[data-diagram-source]").textContent()) ?? "";
  const description = /accDescr:\s*(.+)/.exec(source)?.[1]?.trim() ?? "";
  await expect(figure.locator(".mermaid-diagram__fallback")).toHaveText(description);
  await figure.getByText("Diagram source").click();
  await expect(figure.locator("[data-diagram-source]")).toBeVisible();
  await context.close();
});

test("every topic page links to the decision navigator; the navigator page does not link to itself", async ({
  page,
}) => {
  await page.goto(pageWithDiagrams);
  await page.getByRole("link", { name: /Ask the decision navigator/ }).click();
  await expect(page).toHaveURL(new RegExp(`${navigatorPath}$`));
  await expect(page.getByRole("link", { name: /Ask the decision navigator/ })).toHaveCount(0);
});

test("every diagram on every page of the guide is drawn, none fails", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const drawn: string[] = [];
  for (const path of await sitemapPaths(new URL(baseURL ?? "").origin)) {
    await page.goto(path);
    for (const [index, figure] of (await page.locator("[data-diagram]:visible").all()).entries()) {
      await figure.scrollIntoViewIfNeeded();
      await expect(figure, `diagram ${index + 1} on ${path}`).toHaveAttribute("data-diagram-state", /rendered|failed/);
      expect(await figure.getAttribute("data-diagram-state"), `diagram ${index + 1} on ${path}`).toBe("rendered");
      drawn.push(`${path}#${index + 1}`);
    }
  }
  expect(drawn.length).toBeGreaterThanOrEqual(2);
});
