import { expect, test } from "@playwright/test";
import { integrationEvents, problemTypes, problemTypeUri, rules, schemaFileName } from "../../src/canon/index.ts";
import { expectNoAxeViolations } from "../support/axe.ts";

const WIDTHS = [390, 768, 1280];

test("every problem type URI leads to its own section of /reference/problems/, and every rule has an anchor", async ({
  page,
}) => {
  await page.goto("/reference/problems/");
  for (const problem of problemTypes) {
    const path = new URL(problemTypeUri(problem.slug)).pathname;
    expect(path).toBe("/reference/problems/");
    const heading = page.locator(`[id="${problem.slug}"]`);
    await expect(heading, problem.slug).toHaveCount(1);
    await expect(heading).toHaveText(`${problem.status} ${problem.title}`);
  }
  for (const rule of rules) await expect(page.locator(`[id="${rule.id}"]`), rule.id).toHaveCount(1);

  // Following a type URI from a problem body lands on its section.
  await page.goto("/reference/problems/#state-conflict");
  await expect(page.locator('[id="state-conflict"]')).toBeInViewport();
});

test("every integration event has a section on /reference/events/ and its schema at its $id", async ({
  page,
  request,
}) => {
  await page.goto("/reference/events/");
  for (const event of integrationEvents) {
    await expect(page.locator(`[id="${event.type}-v${event.version}"]`), event.type).toHaveCount(1);
    const response = await request.get(`/reference/events/${schemaFileName(event)}`);
    expect(response.status(), event.type).toBe(200);
    expect(await response.json()).toEqual(event.schema);
  }
});

for (const width of WIDTHS) {
  test(`the reference pages are accessible at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/reference/problems/", "/reference/events/"]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  });
}
