/**
 * Which checklist items a reader has ticked, kept in the browser's localStorage under a versioned key. Only ids the
 * page still lists are restored: an item whose text changed or that was removed is dropped, a new one starts
 * unticked. Storage that is missing, full or forbidden (private windows, blocked cookies) never breaks the page.
 */

/** Bump the version when the saved shape changes; an old shape is then ignored, not misread. */
export const STORAGE_KEY = "field-guide:production-readiness:v1";

interface SavedState {
  readonly checked: readonly string[];
}

function isSavedState(value: unknown): value is SavedState {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as SavedState).checked) &&
    (value as SavedState).checked.every((id) => typeof id === "string")
  );
}

/** The ticked ids among `knownIds`; empty when nothing (readable) is saved. */
export function loadChecked(storage: Pick<Storage, "getItem"> | undefined, knownIds: Iterable<string>): Set<string> {
  let saved: unknown;
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    saved = raw ? JSON.parse(raw) : undefined;
  } catch {
    return new Set();
  }
  if (!isSavedState(saved)) return new Set();
  const known = new Set(knownIds);
  return new Set(saved.checked.filter((id) => known.has(id)));
}

/** Saves the ticked ids; false when the browser refused to store them. */
export function saveChecked(storage: Pick<Storage, "setItem"> | undefined, checked: Iterable<string>): boolean {
  try {
    if (!storage) return false;
    const state: SavedState = { checked: [...checked].sort() };
    storage.setItem(STORAGE_KEY, JSON.stringify(state));
    return true;
  } catch {
    return false;
  }
}

/** Forgets every tick. */
export function clearChecked(storage: Pick<Storage, "removeItem"> | undefined): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored that could be removed: there is nothing to forget either.
  }
}
