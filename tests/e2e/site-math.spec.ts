/**
 * The math of every chapter, measured in the browser: scripts and limits are smaller than
 * their base, the rows of a formula (numerator, fraction bar, denominator; limits and their
 * operator; superscript and subscript) do not run into each other, a display formula is
 * not clipped by its box, and every formula is exactly as large as KaTeX draws it on a
 * blank page with its own stylesheet. The chapters are found on the built site (its home
 * page's links), so the tests follow the lessons an instructor has.
 */
import { test, expect, type Page } from '@playwright/test';
import { builtChapters } from './built-chapters.ts';
import { measureMath } from './math-measure.ts';
import { openKatexReference } from './katex-reference.ts';

/** Math in hints and solutions is measured too: open every <details>, show every hidden hint. */
async function openHiddenParts(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    for (const k of document.querySelectorAll('.katex'))
      for (
        let el = k.closest<HTMLElement>('[hidden]');
        el;
        el = el.parentElement?.closest('[hidden]') ?? null
      )
        el.hidden = false;
    await document.fonts.ready;
  });
}

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 375, height: 740 },
];

test('in every chapter, scripts are smaller than their base and no formula overlaps itself or is clipped', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const chapters = await builtChapters(page, request);
  expect(chapters.length, 'chapters linked from the home page').toBeGreaterThan(0);
  let scripts = 0;
  const found = { tooBig: [] as string[], overlaps: [] as string[], clipped: [] as string[] };
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const url of chapters) {
      await page.goto(url);
      await openHiddenParts(page);
      const report = await page.evaluate(measureMath);
      scripts += report.scripts;
      const at = `${new URL(url).pathname} at ${viewport.width} px: `;
      for (const kind of ['tooBig', 'overlaps', 'clipped'] as const)
        found[kind].push(...report[kind].map((p) => at + p));
    }
  }
  // The book's math has scripts; if none were found the measurement found nothing to measure.
  expect(scripts, 'scripts and limits measured').toBeGreaterThan(0);
  const counts = Object.entries(found).map(([kind, list]) => `${kind}: ${list.length}`);
  expect(
    Object.fromEntries(Object.entries(found).map(([kind, list]) => [kind, list.slice(0, 12)])),
    counts.join(', '),
  ).toEqual({ tooBig: [], overlaps: [], clipped: [] });
});

interface Formula {
  tex: string;
  display: boolean;
  /** The font size of the formula's surroundings (KaTeX draws at 1.21 times it). */
  fontSize: string;
}
/** Width and height of each of a formula's top-level boxes (KaTeX's unbreakable pieces), in px. */
type Boxes = [number, number][];

/** Every formula on the page, with its top-level boxes as the page draws them. */
function formulasOnPage(): { formula: Formula; boxes: Boxes }[] {
  return [...document.querySelectorAll<HTMLElement>('.katex')].map((k) => ({
    formula: {
      tex: k.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? '',
      display: k.parentElement!.classList.contains('katex-display'),
      fontSize: getComputedStyle(k.parentElement!).fontSize,
    },
    boxes: [...k.querySelectorAll(':scope > .katex-html > *')].map((b) => {
      const r = b.getBoundingClientRect();
      return [r.width, r.height] as [number, number];
    }),
  }));
}

async function katexOwnBoxes(page: Page, formulas: Formula[]): Promise<Boxes[]> {
  await openKatexReference(page);
  return page.evaluate(async (all) => {
    const katex = (window as unknown as { katex: { render(tex: string, el: HTMLElement, o: object): void } })
      .katex;
    const holders = all.map((f) => {
      const div = document.createElement('div');
      div.style.cssText = `font-size:${f.fontSize};width:max-content`;
      katex.render(f.tex, div, { displayMode: f.display, throwOnError: false });
      document.body.append(div);
      return div;
    });
    void document.body.offsetHeight;
    await document.fonts.ready;
    return holders.map((div) =>
      [...div.querySelectorAll('.katex > .katex-html > *')].map((b) => {
        const r = b.getBoundingClientRect();
        return [r.width, r.height] as [number, number];
      }),
    );
  }, formulas);
}

test("every chapter's formulas are exactly as large as KaTeX draws them with its own stylesheet", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const chapters = await builtChapters(page, request);
  const book: { url: string; formula: Formula; boxes: Boxes }[] = [];
  for (const url of chapters) {
    await page.goto(url);
    await openHiddenParts(page);
    book.push(...(await page.evaluate(formulasOnPage)).map((f) => ({ url, ...f })));
  }
  expect(book.length, 'formulas in the book').toBeGreaterThan(0);
  const own = await katexOwnBoxes(
    page,
    book.map((b) => b.formula),
  );
  const TOLERANCE_PX = 0.5;
  const differ = (a: Boxes, b: Boxes) =>
    a.length !== b.length ||
    a.some(([w, h], i) => Math.abs(w - b[i][0]) > TOLERANCE_PX || Math.abs(h - b[i][1]) > TOLERANCE_PX);
  const size = (boxes: Boxes) => boxes.map(([w, h]) => `${w.toFixed(1)}×${h.toFixed(1)}`).join(' ');
  const wrong = book
    .map((b, i) => ({ ...b, own: own[i] }))
    .filter((b) => differ(b.boxes, b.own))
    .map(
      (b) =>
        `${new URL(b.url).pathname} ${b.formula.tex.trim()}: page ${size(b.boxes)}, KaTeX ${size(b.own)}`,
    );
  expect(wrong.slice(0, 30), `${wrong.length} of ${book.length} formulas differ`).toEqual([]);
});
