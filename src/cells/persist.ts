/**
 * A reader's edits, kept in localStorage as they type, per chapter and cell (or exercise).
 *
 * Each saved edit records a hash of the lesson's code it was made to. When the lesson's
 * code has changed since (a new version of the book), the edit is not restored silently:
 * `loadEdit` reports it as stale and the page asks the reader what to do.
 *
 * Key: `cells:v1:<chapter path>:<slot>`, where the slot is a cell's index,
 * `exercise-<index>` (exerciseSlot) or `figure-<id>` for a figure's cell (figureSlot);
 * value: JSON `{ base, code }`.
 * Storage can be unavailable (private mode, disabled, full): every call is best effort.
 */

/** Prefix of every key this module writes; the loader checks it to decide whether to restore. */
export const EDIT_KEY_PREFIX = 'cells:v1:';

interface SavedEdit {
  /** hashCode() of the lesson's code the edit started from. */
  base: string;
  code: string;
}

export type LoadedEdit =
  | { status: 'none' }
  | { status: 'restored'; code: string }
  /** Saved against another version of the lesson's code. */
  | { status: 'stale'; code: string };

/** FNV-1a (32 bit) of the text, as 8 hex digits: enough to notice a changed lesson. */
export function hashCode(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The chapter whose edits this page keeps: its path. */
export const currentChapter = (): string => location.pathname;

/** Where an edit is kept within a chapter: a cell's index, an exercise's or a figure's slot. */
export type EditSlot = number | `exercise-${number}` | `figure-${string}`;

export const exerciseSlot = (index: number): EditSlot => `exercise-${index}`;

/** The slot of the cell of the figure with this id (an explorable's "Open as code"). */
export const figureSlot = (id: string): EditSlot => `figure-${id}`;

export function editKey(chapter: string, slot: EditSlot): string {
  return `${EDIT_KEY_PREFIX}${chapter}:${slot}`;
}

/** Whether this chapter has saved edits of the given kind (the loaders restore only then). */
export function hasSavedEdits(chapter: string, kind: 'cell' | 'exercise'): boolean {
  const store = storage();
  const prefix = `${EDIT_KEY_PREFIX}${chapter}:`;
  const slot = kind === 'cell' ? /^(\d+|figure-.+)$/ : /^exercise-\d+$/;
  try {
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(prefix) && slot.test(key.slice(prefix.length))) return true;
    }
  } catch {
    // storage unavailable: nothing saved
  }
  return false;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Save the reader's code for a cell or exercise; code equal to the lesson's removes the entry. */
export function saveEdit(chapter: string, slot: EditSlot, original: string, code: string): void {
  const store = storage();
  if (!store) return;
  try {
    if (code === original) store.removeItem(editKey(chapter, slot));
    else
      store.setItem(
        editKey(chapter, slot),
        JSON.stringify({ base: hashCode(original), code } satisfies SavedEdit),
      );
  } catch {
    // Full or disabled storage: the edit lives on in the page only.
  }
}

/** The saved edit of a cell, checked against the lesson's current code. */
export function loadEdit(chapter: string, slot: EditSlot, original: string): LoadedEdit {
  const store = storage();
  let raw: string | null;
  try {
    raw = store?.getItem(editKey(chapter, slot)) ?? null;
  } catch {
    return { status: 'none' };
  }
  if (!raw) return { status: 'none' };
  let saved: Partial<SavedEdit>;
  try {
    saved = JSON.parse(raw) as Partial<SavedEdit>;
  } catch {
    return { status: 'none' };
  }
  if (typeof saved.code !== 'string' || typeof saved.base !== 'string') return { status: 'none' };
  if (saved.code === original) return { status: 'none' };
  return saved.base === hashCode(original)
    ? { status: 'restored', code: saved.code }
    : { status: 'stale', code: saved.code };
}

export function forgetEdit(chapter: string, slot: EditSlot): void {
  try {
    storage()?.removeItem(editKey(chapter, slot));
  } catch {
    // nothing to do
  }
}
