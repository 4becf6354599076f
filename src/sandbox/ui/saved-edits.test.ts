import { describe, expect, it } from "vitest";
import { MemoryStorage } from "./fake-runtime.ts";
import { openSavedEdits, savedEditsKey } from "./saved-edits.ts";

const originals = { "a.ts": "a\n", "b.ts": "b\n" };

describe("saved edits", () => {
  it("stores only changed files under a versioned key per example", () => {
    const storage = new MemoryStorage();
    openSavedEdits("orders", () => storage).save(originals, { "a.ts": "A\n", "b.ts": "b\n" });
    expect(savedEditsKey("orders")).toBe("field-guide:sandbox:v1:orders");
    expect(JSON.parse(storage.getItem("field-guide:sandbox:v1:orders") ?? "")).toEqual({
      version: 1,
      files: { "a.ts": "A\n" },
    });
    expect(openSavedEdits("orders", () => storage).load(originals)).toEqual({ "a.ts": "A\n" });
    expect(openSavedEdits("other", () => storage).load(originals)).toEqual({});
  });

  it("ignores entries of another version and files the example no longer has", () => {
    const storage = new MemoryStorage();
    storage.setItem(savedEditsKey("orders"), JSON.stringify({ version: 1, files: { "gone.ts": "x", "a.ts": "A\n" } }));
    expect(openSavedEdits("orders", () => storage).load(originals)).toEqual({ "a.ts": "A\n" });
    storage.setItem(savedEditsKey("orders"), JSON.stringify({ version: 0, files: { "a.ts": "A\n" } }));
    const edits = openSavedEdits("orders", () => storage);
    expect(edits.load(originals)).toEqual({});
    expect(edits.problem?.kind).toBe("unreadable");
  });

  it("reports blocked storage in words and keeps working in memory", () => {
    const edits = openSavedEdits("orders", () => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    });
    expect(edits.problem).toMatchObject({
      kind: "blocked",
      message: expect.stringMatching(/blocks site storage \(SecurityError\).*Download/),
    });
    expect(edits.load(originals)).toEqual({});
    expect(edits.save(originals, { "a.ts": "A\n", "b.ts": "b\n" })?.kind).toBe("blocked");
  });

  it("removes the entry when nothing differs any more", () => {
    const storage = new MemoryStorage();
    const edits = openSavedEdits("orders", () => storage);
    edits.save(originals, { "a.ts": "A\n", "b.ts": "b\n" });
    edits.save(originals, originals);
    expect(storage.length).toBe(0);
  });
});
