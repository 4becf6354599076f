import { describe, expect, it } from "vitest";
import { checklistMarkdown, exportFileName, type ExportArea } from "./markdown-export.ts";

const areas: ExportArea[] = [
  {
    title: "Caching",
    items: [
      {
        markdown: "**Every `set` has a TTL**, with jitter.",
        href: "/interfaces-data/caching/#ttl",
        linkLabel: "Caching: TTL [and] jitter",
        checked: true,
        mustHave: true,
      },
      {
        markdown: "Keys are versioned.",
        href: "/interfaces-data/caching/#checklist",
        linkLabel: "Caching: Checklist",
        checked: false,
        mustHave: false,
      },
    ],
  },
  {
    title: "Pagination",
    items: [
      { markdown: "Lists are paginated.", href: "/p/#x", linkLabel: "Pagination", checked: false, mustHave: false },
    ],
  },
];

describe("checklistMarkdown", () => {
  const markdown = checklistMarkdown(areas, {
    site: "https://backend-field-guide.dev/",
    pageHref: "/operations/production-readiness/",
    date: "2026-12-01",
  });

  it("groups GitHub task-list items under one heading per area, with progress", () => {
    expect(markdown).toContain(
      "## Caching (1 of 2)\n\n" +
        "- [x] **Every `set` has a TTL**, with jitter. " +
        "([Caching: TTL \\[and\\] jitter](https://backend-field-guide.dev/interfaces-data/caching/#ttl))\n" +
        "- [ ] Keys are versioned. ([Caching: Checklist](https://backend-field-guide.dev/interfaces-data/caching/#checklist))\n",
    );
    expect(markdown).toContain(
      "## Pagination (0 of 1)\n\n- [ ] Lists are paginated. ([Pagination](https://backend-field-guide.dev/p/#x))\n",
    );
  });

  it("opens with the totals, the date and an absolute link to the checklist", () => {
    expect(markdown.split("\n").slice(0, 3).join("\n")).toBe(
      "# Production readiness\n\n1 of 3 done; must-haves: 1 of 1 done. Exported on 2026-12-01 from " +
        "[the Backend Architecture Field Guide's checklist](https://backend-field-guide.dev/operations/production-readiness/); " +
        "**bold** items are must-haves.",
    );
  });

  it("names the file by date", () => {
    expect(exportFileName("2026-12-01")).toBe("production-readiness-2026-12-01.md");
  });
});
