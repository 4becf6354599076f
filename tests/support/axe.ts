import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The axe rule tags the guide is held to: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * The viewport widths every page must be accessible at: a phone, a tablet and a laptop. Layout
 * changes between them (the sidebar becomes a menu, tables and code get narrower), and so do the
 * places where content can overflow into a scrollable region.
 */
export const axeViewports = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 768, height: 1024 },
  { name: "laptop", width: 1280, height: 720 },
] as const;

/**
 * Rules whose outcome does not depend on the viewport width: the guide's colours are the same at every width, so
 * colour contrast (axe's slowest rule) is checked once, at the widest viewport.
 */
export const widthIndependentRules = ["color-contrast"];

/** axe's violations on the page as readable lines: rule id, impact, help text and offending selectors. */
export async function axeViolations(
  page: Page,
  include?: string,
  skipRules: readonly string[] = [],
): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(wcagTags);
  if (include) builder = builder.include(include);
  if (skipRules.length > 0) builder = builder.disableRules([...skipRules]);
  const { violations } = await builder.analyze();
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(" ")}`).join("\n"),
  );
}

/** Fails with a readable list of rule ids, help texts and offending selectors when axe finds a violation. */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  expect(await axeViolations(page, include), `axe violations on ${page.url()}`).toEqual([]);
}
