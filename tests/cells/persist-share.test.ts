/** Saved edits (tied to a hash of the lesson's code) and share-link fragments. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import {
  editKey,
  exerciseSlot,
  figureSlot,
  forgetEdit,
  hashCode,
  hasSavedEdits,
  loadEdit,
  saveEdit,
} from '../../src/cells/persist.ts';
import { readShareFragment, shareFragment, shareUrl } from '../../src/cells/share.ts';

/** A Map-backed Storage, so the tests do not depend on the runtime's own localStorage. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, String(v)),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
  };
}

const LESSON = 'const x = tensor([1, 2]);\nconsole.log(x);';
const EDIT = 'const x = tensor([5, 2]);\nconsole.log(x);';

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

test('an edit is saved per chapter and cell and restored against the same lesson code', () => {
  saveEdit('/ch1/', 2, LESSON, EDIT);
  expect(loadEdit('/ch1/', 2, LESSON)).toEqual({ status: 'restored', code: EDIT });
  expect(loadEdit('/ch1/', 1, LESSON)).toEqual({ status: 'none' });
  expect(loadEdit('/ch2/', 2, LESSON)).toEqual({ status: 'none' });
  expect(localStorage.getItem(editKey('/ch1/', 2))).toContain(hashCode(LESSON));
});

test('an edit made to other lesson code is reported stale, not restored', () => {
  saveEdit('/ch1/', 0, LESSON, EDIT);
  expect(loadEdit('/ch1/', 0, LESSON + '\n// revised')).toEqual({ status: 'stale', code: EDIT });
});

test('typing the lesson code back, or forgetting, removes the saved edit', () => {
  saveEdit('/ch1/', 0, LESSON, EDIT);
  saveEdit('/ch1/', 0, LESSON, LESSON);
  expect(localStorage.length).toBe(0);
  saveEdit('/ch1/', 0, LESSON, EDIT);
  forgetEdit('/ch1/', 0);
  expect(loadEdit('/ch1/', 0, LESSON)).toEqual({ status: 'none' });
});

test('corrupt or foreign entries and unavailable storage are ignored', () => {
  localStorage.setItem(editKey('/ch1/', 0), '{not json');
  expect(loadEdit('/ch1/', 0, LESSON)).toEqual({ status: 'none' });
  localStorage.setItem(editKey('/ch1/', 0), JSON.stringify({ code: 7 }));
  expect(loadEdit('/ch1/', 0, LESSON)).toEqual({ status: 'none' });
  vi.stubGlobal('localStorage', {
    getItem() {
      throw new Error('denied');
    },
    setItem() {
      throw new Error('quota');
    },
  });
  expect(() => saveEdit('/ch1/', 0, LESSON, EDIT)).not.toThrow();
  expect(loadEdit('/ch1/', 0, LESSON)).toEqual({ status: 'none' });
});

test("an exercise's code is kept apart from the cell of the same index, and each kind is found on its own", () => {
  expect(hasSavedEdits('/ch1/', 'cell')).toBe(false);
  saveEdit('/ch1/', exerciseSlot(0), LESSON, EDIT);
  expect(editKey('/ch1/', exerciseSlot(0))).toBe('cells:v1:/ch1/:exercise-0');
  expect(loadEdit('/ch1/', exerciseSlot(0), LESSON)).toEqual({ status: 'restored', code: EDIT });
  expect(loadEdit('/ch1/', 0, LESSON)).toEqual({ status: 'none' });
  expect(hasSavedEdits('/ch1/', 'exercise')).toBe(true);
  expect(hasSavedEdits('/ch1/', 'cell')).toBe(false);
  expect(hasSavedEdits('/ch2/', 'exercise')).toBe(false);
  saveEdit('/ch1/', 3, LESSON, EDIT);
  expect(hasSavedEdits('/ch1/', 'cell')).toBe(true);
  forgetEdit('/ch1/', exerciseSlot(0));
  expect(hasSavedEdits('/ch1/', 'exercise')).toBe(false);
});

test("a figure's cell keeps its edit under the figure's id, and the loader finds it with the cells", () => {
  const slot = figureSlot('binary-loss-curve-1a2b3c');
  saveEdit('/ch1/', slot, LESSON, EDIT);
  expect(editKey('/ch1/', slot)).toBe('cells:v1:/ch1/:figure-binary-loss-curve-1a2b3c');
  expect(loadEdit('/ch1/', slot, LESSON)).toEqual({ status: 'restored', code: EDIT });
  expect(hasSavedEdits('/ch1/', 'cell')).toBe(true);
  expect(hasSavedEdits('/ch1/', 'exercise')).toBe(false);
});

test('hashCode is stable and tells lessons apart', () => {
  expect(hashCode(LESSON)).toBe(hashCode(LESSON));
  expect(hashCode(LESSON)).toMatch(/^[0-9a-f]{8}$/);
  expect(hashCode(LESSON)).not.toBe(hashCode(EDIT));
});

test('a share fragment round-trips code (unicode, newlines, symbols) for a 1-based cell number', () => {
  const code = 'const s = "π ≈ 3.14 — <b>&amp;</b>";\n\tconsole.log(s, `#${1 + 1}`);';
  const fragment = shareFragment(2, code);
  expect(fragment).toMatch(/^#cell-3=[A-Za-z0-9+\-$]+$/);
  expect(readShareFragment(fragment)).toEqual({ index: 2, code });
  expect(shareUrl('https://example.org/book/ch1/#old', 0, 'x')).toBe(
    `https://example.org/book/ch1/${shareFragment(0, 'x')}`,
  );
});

test('fragments that are not share links give null', () => {
  expect(readShareFragment('#why-the-minus-sign')).toBeNull();
  expect(readShareFragment('#cell-2=')).toBeNull();
  expect(readShareFragment('#cell-2=%%%garbage')).toBeNull();
});
