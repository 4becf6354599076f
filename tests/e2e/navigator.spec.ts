import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe.ts";

const navigatorPath = "/start-here/decision-navigator/";
// Complex domain logic? No; Multiple data sources? No; Transaction across aggregates? Yes;
// Cross-service operation? No; Needs real-time updates? Yes.
const answers = ["No", "No", "Yes", "No", "Yes"] as const;
const questions = [
  "Complex domain logic?",
  "Multiple data sources?",
  "Transaction across aggregates?",
  "Cross-service operation?",
  "Needs real-time updates?",
];
const expectedOutcome = [
  "Use Unit of Work",
  "Implement Use Cases",
  "Single transaction",
  "Publish Domain Events",
  "Event-Driven Architecture",
];
const expectedPath = "A B D I J G L N O P Q";

function tree(page: Page): Locator {
  return page.locator('[data-tree="architecture"]');
}

async function expectOutcome(page: Page): Promise<void> {
  const outcome = tree(page).getByRole("region", { name: "What this path gives you" });
  await expect(outcome).toBeVisible();
  await expect(outcome.locator("li:visible > a")).toHaveText(expectedOutcome);
}

/** The tree's diagram, scrolled to and drawn (diagrams are drawn only as they near the viewport). */
async function drawnDiagram(page: Page): Promise<Locator> {
  const figure = tree(page).locator("[data-diagram]");
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute("data-diagram-state", "rendered");
  return figure.locator("svg").first();
}

async function expectHighlightedPath(page: Page, path: string): Promise<void> {
  const svg = await drawnDiagram(page);
  await expect(svg).toHaveAttribute("data-path", path);
  const onPath = await svg
    .locator("g.node.dn-on-path")
    .evaluateAll((nodes) =>
      nodes.map((node) => [...node.classList].find((name) => /^dn-[A-Z]/.test(name))?.slice(3)).sort(),
    );
  expect(onPath).toEqual(path.split(" ").sort());
  await expect(svg.locator('path[data-id="e_I_J"]')).toHaveClass(/dn-on-path/);
  await expect(svg.locator('path[data-id="e_I_K"]')).not.toHaveClass(/dn-on-path/);
}

test("answering by clicking walks the architecture tree to the guide's outcome, highlighted in the diagram", async ({
  page,
}) => {
  await page.goto(navigatorPath);
  for (const [index, answer] of answers.entries()) {
    const question = tree(page).getByRole("region", { name: questions[index] });
    await expect(question).toBeVisible();
    await question.getByRole("button", { name: answer, exact: true }).click();
    await expect(page).toHaveURL(
      new RegExp(
        `a=${answers
          .slice(0, index + 1)
          .map((a) => a[0]?.toLowerCase())
          .join("")}$`,
      ),
    );
  }
  await expectOutcome(page);
  await expect(tree(page).getByText("Several repositories must commit or roll back together")).toBeVisible();
  await expectHighlightedPath(page, expectedPath);
});

test("the same path works from the keyboard alone, with focus on each new question", async ({ page }) => {
  await page.goto(navigatorPath);
  await tree(page).getByRole("button", { name: "Yes", exact: true }).first().focus();
  for (const [index, answer] of answers.entries()) {
    // From the question heading (or the first button), Tab reaches Yes, and one more Tab reaches No.
    if (index > 0) {
      await expect(page.locator(":focus")).toHaveText(questions[index] ?? "");
      await page.keyboard.press("Tab");
    }
    await expect(page.locator(":focus")).toHaveText("Yes");
    if (answer === "No") await page.keyboard.press("Tab");
    await expect(page.locator(":focus")).toHaveText(answer);
    await page.keyboard.press(index % 2 === 0 ? "Enter" : "Space");
  }
  await expect(page.locator(":focus")).toHaveText("What this path gives you");
  await expect(page.locator("[data-announcer]")).toContainText("Done. 5 steps on your path");
  await expectOutcome(page);
});

test("the URL reproduces the state on reload, and Back undoes one answer", async ({ page }) => {
  await page.goto(`${navigatorPath}?tree=architecture&a=nnyny`);
  await expectOutcome(page);
  await page.reload();
  await expectOutcome(page);
  await expectHighlightedPath(page, expectedPath);

  await page.goto(`${navigatorPath}?tree=architecture&a=nn`);
  await tree(page).getByRole("button", { name: "Yes", exact: true }).locator("visible=true").click();
  await expect(page).toHaveURL(/a=nny$/);
  await page.goBack();
  await expect(page).toHaveURL(/a=nn$/);
  await expect(tree(page).getByRole("region", { name: "Transaction across aggregates?" })).toBeVisible();
  await expect(page.locator("[data-announcer]")).toHaveText("Question 3: Transaction across aggregates?");
});

test("Start over clears the answers in one click; another tree is one click away", async ({ page }) => {
  await page.goto(`${navigatorPath}?tree=architecture&a=yy`);
  await tree(page).getByRole("button", { name: "Start over" }).click();
  await expect(page).toHaveURL(/\?tree=architecture$/);
  await expect(tree(page).getByRole("region", { name: "Complex domain logic?" })).toBeVisible();

  await page
    .getByRole("navigation", { name: "Decision trees" })
    .getByRole("link", { name: "Caching strategy" })
    .click();
  await expect(page).toHaveURL(/\?tree=caching-strategy$/);
  const caching = page.locator('[data-tree="caching-strategy"]');
  await caching.getByRole("button", { name: "No", exact: true }).locator("visible=true").click();
  await expect(caching.getByRole("region", { name: "What this path gives you" }).locator("li:visible > a")).toHaveText([
    "Don't cache",
  ]);
});

test("a link with unusable parts keeps what it can and says what it dropped", async ({ page }) => {
  await page.goto(`${navigatorPath}?tree=no-such-tree&a=nzq`);
  await expect(page).toHaveURL(/\?tree=architecture&a=n$/);
  await expect(tree(page).getByRole("status").first()).toContainText("There is no decision tree called “no-such-tree”");
  await expect(tree(page).getByRole("region", { name: "Multiple data sources?" })).toBeVisible();
});

test("clicking a node in the diagram opens its page", async ({ page }) => {
  await page.goto(navigatorPath);
  const node = (await drawnDiagram(page)).locator("g.node.dn-J");
  await node.click();
  await expect(page).toHaveURL(/\/foundations\/architecture-patterns\/#unit-of-work$/);
});

// Scoped to <main>: the header's search button is Starlight's own and checked by the site-wide test.
test("the navigator page has no axe violations, before and after a full path", async ({ page }) => {
  await page.goto(navigatorPath);
  await drawnDiagram(page);
  await expectNoAxeViolations(page, "main");
  await page.goto(`${navigatorPath}?tree=architecture&a=nnyny`);
  await expect(await drawnDiagram(page)).toHaveAttribute("data-path", expectedPath);
  await expectNoAxeViolations(page, "main");
});
