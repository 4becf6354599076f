import { expect, test } from "@playwright/test";
import { axeViewports, axeViolations, widthIndependentRules } from "../support/axe.ts";
import { sitemapPaths } from "../support/sitemap.ts";

test("the home page says what the guide is and leads to the three journeys", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Backend Architecture Field Guide" })).toBeVisible();
  const main = page.getByRole("main");
  for (const journey of ["Read a topic", "Run an example", "Follow the decision navigator"]) {
    await expect(main.getByText(journey, { exact: true })).toBeVisible();
  }
  for (const href of ["/start-here/overview/", "/reference/examples/", "/start-here/decision-navigator/"]) {
    await expect(main.locator(`a[href="${href}"]`).first()).toBeVisible();
  }
});

test("an unknown address answers 404 with the guide's own page, which leads back into the guide", async ({ page }) => {
  const response = await page.goto("/no-such-topic/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  const main = page.getByRole("main");
  for (const href of ["/start-here/overview/", "/reference/examples/", "/start-here/decision-navigator/"]) {
    await expect(main.locator(`a[href="${href}"]`).first()).toBeVisible();
  }
});

test("the overview links every topic page the sidebar lists", async ({ page }) => {
  await page.goto("/start-here/overview/");
  const sidebarLinks = await page
    .locator("#starlight__sidebar a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const topics = sidebarLinks.filter((href) => !href.startsWith("/start-here/") && !href.startsWith("/reference/"));
  expect(topics.length).toBeGreaterThan(10);
  const mapped = await page
    .locator(".topic-map a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(topics.filter((href) => !mapped.includes(href))).toEqual([]);
});

test("search finds a page by a word from its body", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Search" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Search" }).fill("composition root");
  const result = dialog.locator('a[href*="/foundations/project-structure/"]').first();
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(/\/foundations\/project-structure\//);
});

test("the theme toggle switches the theme and the choice survives a reload", async ({ page }) => {
  await page.goto("/start-here/overview/");
  const html = page.locator("html");
  const themeSelect = page.getByRole("combobox", { name: "Select theme" }).first();
  await themeSelect.selectOption("light");
  await expect(html).toHaveAttribute("data-theme", "light");
  await themeSelect.selectOption("dark");
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
});

test("every page in the sitemap answers 200, is cross-origin isolated and requests nothing off-origin", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL ?? "").origin;
  const paths = await sitemapPaths(origin);
  expect(paths.length).toBeGreaterThan(3);

  const offOrigin: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) offOrigin.push(url);
  });

  for (const path of paths) {
    const response = await page.goto(path, { waitUntil: "load" });
    expect(response?.status(), path).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers["cross-origin-opener-policy"], path).toBe("same-origin");
    expect(headers["cross-origin-embedder-policy"], path).toBe("require-corp");
    expect(await page.evaluate(() => crossOriginIsolated), path).toBe(true);
  }
  expect(offOrigin).toEqual([]);
});

// One test per width, each visiting every page once: a failure names the width, and the list of
// violations covers every page instead of stopping at the first.
for (const viewport of axeViewports) {
  test(`every page is accessible at ${viewport.width} px wide (${viewport.name})`, async ({ page, baseURL }) => {
    test.setTimeout(900_000); // axe takes tens of seconds on the heaviest pages when the machine is busy
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const paths = await sitemapPaths(new URL(baseURL ?? "").origin);
    const widest = viewport.width === Math.max(...axeViewports.map(({ width }) => width));
    const violations: string[] = [];
    for (const path of paths) {
      await page.goto(path, { waitUntil: "load" });
      const found = await axeViolations(page, undefined, widest ? [] : widthIndependentRules);
      violations.push(...found.map((violation) => `${path}: ${violation}`));
    }
    expect(violations, `axe violations at ${viewport.width} px`).toEqual([]);
  });
}
