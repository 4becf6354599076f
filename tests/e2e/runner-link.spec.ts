/**
 * The reader's way in to the local runner, in Chromium: the bare URL gets a sandbox that says to
 * open the printed link (and how to print it again); the printed link leaves no token in the address
 * bar or in script-readable cookies, and the sandbox then runs the tests.
 */
import { expect, test } from "@playwright/test";
import { contentPages, firstPageOfEachExample } from "../../src/sandbox/files/embedded-sandboxes.ts";
import { runnerLinkFor } from "../support/runner-link.ts";

const contentDir = new URL("../../content/docs/", import.meta.url).pathname;
const first = [...firstPageOfEachExample(contentPages(contentDir))][0];

test.skip(!first, "no example is embedded on a page yet (no <Sandbox example=…> in content/docs)");
const [example, pagePath] = first ?? ["", "/"];

test("opened without the link, the sandbox says to open the link npm start printed, with the command that prints it", async ({
  page,
}) => {
  await page.goto(pagePath);
  const card = page.locator(`[data-sandbox-card][data-example="${example}"]`).first();
  await card.getByRole("button", { name: "Open sandbox" }).click();
  const sandbox = card.getByRole("region", { name: /^Sandbox:/ });
  const problem = sandbox.getByRole("alert");
  await expect(problem).toContainText("Open the link npm start printed");
  await expect(problem).toContainText("?token=");
  await expect(problem.locator("pre")).toHaveText("npm run link");
  await expect(sandbox.getByRole("combobox", { name: "Runtime" })).toHaveValue("local");
});

test("the printed link: the token leaves the address bar, lives only in an HttpOnly cookie, and the tests run", async ({
  page,
  context,
  baseURL,
}) => {
  const link = await runnerLinkFor(Number(new URL(baseURL!).port));
  await page.goto(link);
  await expect(page).not.toHaveURL(/token=/);
  await expect.poll(async () => (await context.cookies()).length).toBeGreaterThan(0);
  const [cookie] = (await context.cookies()).filter((each) => each.name.startsWith("field-guide-runner-"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/__runner" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("field-guide-runner-");
  // The token was replaced in place, so going back does not lead to a URL that still carries it.
  await page.goBack();
  expect(page.url()).not.toContain("token=");

  await page.goto(pagePath);
  const card = page.locator(`[data-sandbox-card][data-example="${example}"]`).first();
  await card.getByRole("button", { name: "Open sandbox" }).click();
  const sandbox = card.getByRole("region", { name: /^Sandbox:/ });
  await sandbox.getByRole("button", { name: "Run tests", exact: true }).click();
  await expect(sandbox.locator(".fg-status")).toContainText("Tests passed", { timeout: 60_000 });
});
