/**
 * The checklist as Markdown, to paste into a pull request or a launch review: one heading per area with its
 * progress, GitHub task-list items (`- [x]` / `- [ ]`) in the guide's own words, each followed by an absolute link to
 * the section that explains it.
 */

export interface ExportItem {
  /** The item's inline Markdown, as its page writes it. */
  readonly markdown: string;
  /** Site-relative URL of the explaining section. */
  readonly href: string;
  readonly linkLabel: string;
  readonly checked: boolean;
  readonly mustHave: boolean;
}

export interface ExportArea {
  readonly title: string;
  readonly items: readonly ExportItem[];
}

export interface ExportOptions {
  /** The site's origin (and base), e.g. "https://backend-field-guide.dev/". */
  readonly site: string;
  /** The checklist page's site-relative URL. */
  readonly pageHref: string;
  /** The day of the export, YYYY-MM-DD. */
  readonly date: string;
}

/** `[`, `]` and `\` would end or break a link label. */
const escapeLabel = (label: string) => label.replace(/[[\]\\]/g, (character) => `\\${character}`);

const count = (items: readonly ExportItem[]) => `${items.filter((item) => item.checked).length} of ${items.length}`;

/** The whole checklist, ticked or not, as Markdown. */
export function checklistMarkdown(areas: readonly ExportArea[], options: ExportOptions): string {
  const absolute = (href: string) => new URL(href, options.site).href;
  const items = areas.flatMap((area) => area.items);
  const mustHaves = items.filter((item) => item.mustHave);
  const lines = [
    "# Production readiness",
    "",
    `${count(items)} done; must-haves: ${count(mustHaves)} done. Exported on ${options.date} from ` +
      `[the Backend Architecture Field Guide's checklist](${absolute(options.pageHref)}); **bold** items are must-haves.`,
  ];
  for (const area of areas) {
    lines.push("", `## ${area.title} (${count(area.items)})`, "");
    for (const item of area.items) {
      lines.push(
        `- [${item.checked ? "x" : " "}] ${item.markdown} ([${escapeLabel(item.linkLabel)}](${absolute(item.href)}))`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The download's file name for an export made on `date` (YYYY-MM-DD). */
export const exportFileName = (date: string) => `production-readiness-${date}.md`;
