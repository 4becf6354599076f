import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleLink, findExampleEmbeds } from "./example-pages.ts";

describe("example links", () => {
  it("point to the step's own page when it embeds the example, else to the first page that does, else to the list", async () => {
    const docs = await mkdtemp(join(tmpdir(), "example-pages-"));
    await mkdir(join(docs, "a"), { recursive: true });
    await writeFile(join(docs, "a", "first.mdx"), '<Sandbox example="shop" file="x.ts" />\n');
    await writeFile(join(docs, "a", "second.mdx"), 'Text\n\n<Sandbox title="T" example="shop" />\n');
    await writeFile(join(docs, "plain.md"), "No sandbox here.\n");
    const embeds = findExampleEmbeds(docs);
    expect(embeds.get("shop")).toEqual(["a/first", "a/second"]);
    expect(exampleLink(embeds, "shop", "a/second")).toEqual({ page: "a/second" });
    expect(exampleLink(embeds, "shop", "elsewhere")).toEqual({ page: "a/first" });
    expect(exampleLink(embeds, "missing", "a/first")).toEqual({ page: "reference/examples", section: "the-examples" });
  });
});
