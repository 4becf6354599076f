import { describe, expect, it } from "vitest";
import { clearChecked, loadChecked, saveChecked, STORAGE_KEY } from "./storage.ts";

/** A Map-backed Storage, as the browser's localStorage behaves for these three calls. */
function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

describe("checklist storage", () => {
  it("round-trips the ticked ids under a versioned key", () => {
    const storage = memoryStorage();
    expect(saveChecked(storage, ["b", "a"])).toBe(true);
    expect(STORAGE_KEY).toMatch(/:v\d+$/);
    expect(JSON.parse(storage.map.get(STORAGE_KEY) ?? "")).toEqual({ checked: ["a", "b"] });
    expect(loadChecked(storage, ["a", "b", "c"])).toEqual(new Set(["a", "b"]));
  });

  it("drops ids the page no longer lists; new items start unticked", () => {
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ checked: ["gone", "kept"] }) });
    expect(loadChecked(storage, ["kept", "new"])).toEqual(new Set(["kept"]));
  });

  it("starts empty from unreadable, misshapen or missing state, and when storage is unavailable", () => {
    expect(loadChecked(memoryStorage({ [STORAGE_KEY]: "{not json" }), ["a"])).toEqual(new Set());
    expect(loadChecked(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ checked: [1] }) }), ["a"])).toEqual(new Set());
    expect(loadChecked(memoryStorage(), ["a"])).toEqual(new Set());
    expect(loadChecked(undefined, ["a"])).toEqual(new Set());
    const throwing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(loadChecked(throwing, ["a"])).toEqual(new Set());
    expect(saveChecked(throwing, ["a"])).toBe(false);
  });

  it("reset forgets everything", () => {
    const storage = memoryStorage();
    saveChecked(storage, ["a"]);
    clearChecked(storage);
    expect(loadChecked(storage, ["a"])).toEqual(new Set());
  });
});
