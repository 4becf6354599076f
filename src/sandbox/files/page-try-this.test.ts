import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pageTryThis, proseParts } from "./page-try-this.ts";

const root = await mkdtemp(join(tmpdir(), "page-try-this-"));
await mkdir(join(root, "shop"));
await writeFile(join(root, "shop", "package.json"), JSON.stringify({ name: "shop" }));
await writeFile(
  join(root, "shop", "README.md"),
  ["# Shop", "", "## Things to try", "", "1. Test:", "", "   ```sh", "   npm test", "   ```", "", "   All pass."]
    .concat(["", "2. Ask:", "", "   ```http", "   GET /health/live", "   ```", "", "   You get 200."])
    .concat(["", "3. Start:", "", "   ```sh", "   npm start", "   ```", "", "   It listens."])
    .join("\n"),
);

describe("pageTryThis", () => {
  it("keeps the README's numbers for the steps a page picks", async () => {
    const steps = await pageTryThis("shop", "3,1-2", root);
    expect(steps.map(({ number, step }) => [number, step.kind])).toEqual([
      [3, "command"],
      [1, "command"],
      [2, "http"],
    ]);
  });

  it("shows every step when the page names none", async () => {
    expect((await pageTryThis("shop", undefined, root)).length).toBe(3);
  });

  it("fails the build with the README's step count when a page asks for a step that is not there", async () => {
    await expect(pageTryThis("shop", "4", root)).rejects.toThrow(/has 3 steps, not 4/);
    await expect(pageTryThis("shop", "2-", root)).rejects.toThrow(/not a step number or range/);
  });
});

describe("proseParts", () => {
  it("splits code spans from text, as the sandbox does", () => {
    expect(proseParts("Run `npm test` **now**")).toEqual([
      { code: false, text: "Run " },
      { code: true, text: "npm test" },
      { code: false, text: " now" },
    ]);
  });
});
