/** The sandbox on a guide page, as the browser tests reach it. */
import { expect, type Locator, type Page } from "@playwright/test";

/** The sandbox of `example` on the current page, opened. */
export async function openSandbox(page: Page, example: string): Promise<Locator> {
  const card = page.locator(`[data-sandbox-card][data-example="${example}"]`).first();
  await card.getByRole("button", { name: "Open sandbox" }).click();
  const sandbox = card.getByRole("region", { name: /^Sandbox:/ });
  await expect(sandbox.getByRole("button", { name: "Run tests", exact: true })).toBeEnabled();
  return sandbox;
}
