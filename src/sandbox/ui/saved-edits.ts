/**
 * The reader's edits to one example, kept in localStorage under a namespaced, versioned key.
 * When storage is blocked or full, edits stay in memory and the reason is reported, never swallowed.
 */
import type { FileMap } from "../runtime/port.ts";

/** Bump when the stored shape changes; older entries are then ignored rather than misread. */
export const SAVED_EDITS_VERSION = 1;
const KEY_PREFIX = "field-guide:sandbox";

/** The localStorage key for one example's edits. */
export function savedEditsKey(example: string): string {
  return `${KEY_PREFIX}:v${SAVED_EDITS_VERSION}:${example}`;
}

interface StoredEdits {
  readonly version: number;
  readonly files: Record<string, string>;
}

/** Why edits cannot be kept across reloads, in words for the reader. */
export type StorageProblem = { readonly kind: "blocked" | "full" | "unreadable"; readonly message: string };

export interface SavedEdits {
  /** Edited files found in storage (only those that still exist in the example and differ from it). */
  load(originals: FileMap): Record<string, string>;
  /** Stores every file that differs from the originals; returns the problem when it could not. */
  save(originals: FileMap, current: FileMap): StorageProblem | undefined;
  /** Forgets the saved edits. */
  clear(): StorageProblem | undefined;
  /** Set when the browser refuses storage, or saved edits could not be read. */
  readonly problem: StorageProblem | undefined;
}

/** Opens saved edits for `example` in `getStorage()` (a function, because merely reading `localStorage` can throw). */
export function openSavedEdits(example: string, getStorage: () => Storage): SavedEdits {
  const key = savedEditsKey(example);
  let storage: Storage | undefined;
  let problem: StorageProblem | undefined;
  try {
    storage = getStorage();
    // Some browsers hand out a storage object that throws on first use (Safari private mode, blocked cookies).
    storage.getItem(key);
  } catch (error) {
    storage = undefined;
    problem = {
      kind: "blocked",
      message: `This browser blocks site storage (${describe(error)}), so your edits are kept only until you leave or reload the page. Use Download to keep them.`,
    };
  }

  return {
    get problem() {
      return problem;
    },
    load(originals) {
      if (!storage) return {};
      let raw: string | null;
      try {
        raw = storage.getItem(key);
      } catch {
        return {};
      }
      if (raw === null) return {};
      const stored = parse(raw);
      if (!stored) {
        problem = { kind: "unreadable", message: "Saved edits for this example could not be read and were ignored." };
        return {};
      }
      const edits: Record<string, string> = {};
      for (const [path, contents] of Object.entries(stored.files)) {
        if (typeof contents === "string" && path in originals && originals[path] !== contents) edits[path] = contents;
      }
      return edits;
    },
    save(originals, current) {
      if (!storage) return problem;
      const files: Record<string, string> = {};
      for (const [path, contents] of Object.entries(current)) {
        if (originals[path] !== contents) files[path] = contents;
      }
      try {
        if (Object.keys(files).length === 0) storage.removeItem(key);
        else storage.setItem(key, JSON.stringify({ version: SAVED_EDITS_VERSION, files } satisfies StoredEdits));
        return undefined;
      } catch (error) {
        return {
          kind: "full",
          message: `Your latest edits could not be saved in this browser (${describe(error)}). They are kept on this page; use Download to keep a copy.`,
        };
      }
    },
    clear() {
      if (!storage) return problem;
      try {
        storage.removeItem(key);
        return undefined;
      } catch (error) {
        return { kind: "blocked", message: `Saved edits could not be removed (${describe(error)}).` };
      }
    },
  };
}

function parse(raw: string): StoredEdits | undefined {
  try {
    const value = JSON.parse(raw) as Partial<StoredEdits>;
    if (value.version !== SAVED_EDITS_VERSION || typeof value.files !== "object" || value.files === null)
      return undefined;
    return value as StoredEdits;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.name || error.message : String(error);
}
