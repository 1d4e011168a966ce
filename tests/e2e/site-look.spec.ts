/**
 * How the chapters look where they used to break, each at the width where it broke:
 * - at 1280 px a long code line was cut off with nothing to say the box scrolls; at 375 px
 *   code, tensor outputs and display formulas were cut off too: every box that scrolls
 *   sideways shows a cue on the side that has more, is reachable by keyboard, and never
 *   pushes the page sideways;
 * - inline math broke mid-formula ("−⏎log(1−σ(z))"): an inline formula stays on one line;
 * - the editor's focus ring was a thick orange-red that read as an error: focus is calm
 *   (far from the error colour), at least 2 px and 3:1 against what surrounds it, in both themes;
 * - light-theme inline code was faint: its chip stands out from the page, and its text is
 *   7:1 on the chip, in both themes.
 * The chapters are found on the built site, never named here.
 */
import { test, expect, type Page } from '@playwright/test';
import { builtChapters } from './built-chapters.ts';
import { edgeCues, scrollBox } from './scroll-cue-probe.ts';

const SCROLL_BOXES = 'pre, .cell-output, .exercise-output, .katex-display, .table-scroll';
/** Boxes of one kind in one setting (a cell, an exercise, the page) photographed per chapter. */
const PHOTOS_PER_KIND = 3;

/** Lay out every cell now (cells far from the screen are laid out lazily: render-cost.css). */
async function layOutEverything(page: Page): Promise<void> {
  await page.addStyleTag({ content: '.cell { content-visibility: visible !important; }' });
  await page.evaluate(() => document.fonts.ready);
}

for (const [width, theme] of [
  [1280, 'light'],
  [1280, 'dark'],
  [375, 'light'],
  [375, 'dark'],
] as const) {
  test(`at ${width} px, ${theme} theme, every box that scrolls sideways shows it, on the side that has more, and takes keyboard focus`, async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width, height: 800 });
    const chapters = await builtChapters(page, request);
    const problems: string[] = [];
    let checked = 0;
    for (const url of chapters) {
      await page.goto(url);
      await layOutEverything(page);
      // Each box whose text runs past its visible edge (not just its padding): what it is,
      // whether it scrolls and takes focus; tagged to find it again by locator.
      const boxes = await page.evaluate((selector) => {
        const hidesText = (el: HTMLElement) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const right = Math.max(...[...range.getClientRects()].map((r) => r.right));
          return right > el.getBoundingClientRect().left + el.clientLeft + el.clientWidth + 1;
        };
        const focusable = 'a[href], button, input, [tabindex]:not([tabindex="-1"]), [contenteditable]';
        return [...document.querySelectorAll<HTMLElement>(selector)]
          .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.checkVisibility() && hidesText(el))
          .map((el, i) => {
            el.dataset.wideBox = String(i);
            const kind = `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 1).join('.')}`;
            const context = el.closest('.exercise') ? 'exercise' : el.closest('.cell') ? 'cell' : 'page';
            return {
              id: i,
              what: `${kind} "${el.textContent?.trim().slice(0, 40)}"`,
              // Boxes of one kind in one setting share their look: a few of each are photographed.
              group: `${kind} in ${context}`,
              scrolls: ['auto', 'scroll'].includes(getComputedStyle(el).overflowX),
              reachable: el.tabIndex >= 0 || el.querySelector(focusable) !== null,
            };
          });
      }, SCROLL_BOXES);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
        `${url}: the page itself scrolls sideways`,
      ).toBe(0);
      const photographed = new Map<string, number>();
      for (const b of boxes) {
        const where = `${new URL(url).pathname} ${b.what}`;
        checked += 1;
        if (!b.scrolls) problems.push(`${where}: does not scroll (overflow-x is not auto)`);
        if (!b.reachable) problems.push(`${where}: cannot be scrolled from the keyboard (not focusable)`);
        const seen = photographed.get(b.group) ?? 0;
        if (seen >= PHOTOS_PER_KIND) continue;
        photographed.set(b.group, seen + 1);
        const box = page.locator(`[data-wide-box="${b.id}"]`);
        await scrollBox(box, 'start');
        const atStart = await edgeCues(page, box);
        if (!atStart.right) problems.push(`${where}: no cue at the right edge that there is more`);
        if (atStart.left) problems.push(`${where}: a cue at the left edge before scrolling`);
        await scrollBox(box, 'end');
        const atEnd = await edgeCues(page, box);
        if (!atEnd.left) problems.push(`${where}: scrolled to the end, no cue at the left edge`);
        if (atEnd.right) problems.push(`${where}: scrolled to the end, still a cue at the right edge`);
      }
    }
    // Some box scrolls at this width (long code lines, wide tensors or formulas).
    expect(checked, 'boxes whose text is wider than the column').toBeGreaterThan(0);
    expect(problems.slice(0, 30), `${problems.length} problems in ${checked} boxes`).toEqual([]);
  });
}

for (const width of [1280, 375, 320]) {
  test(`at ${width} px no inline formula breaks across lines or sticks out of its line`, async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 800 });
    const chapters = await builtChapters(page, request);
    const problems: string[] = [];
    let formulas = 0;
    for (const url of chapters) {
      await page.goto(url);
      await layOutEverything(page);
      const found = await page.evaluate(() => {
        const inline = [...document.querySelectorAll('.katex')].filter(
          (k) => !k.closest('.katex-display') && k.getClientRects().length > 0,
        );
        return {
          count: inline.length,
          problems: inline.flatMap((k) => {
            const tex = k.querySelector('annotation')?.textContent?.trim();
            const tops = [...k.querySelectorAll(':scope > .katex-html > *')].map(
              (b) => b.getBoundingClientRect().top,
            );
            const lines = Math.max(...tops) - Math.min(...tops) > 1;
            const right = k.getBoundingClientRect().right;
            // The block it is written in (a paragraph, a list item, a table cell).
            const block = k.parentElement!.closest('p, li, td, th, dd, figcaption, caption, div')!;
            const out = right > block.getBoundingClientRect().right + 1;
            return [
              ...(lines ? [`"${tex}" breaks across lines`] : []),
              ...(out
                ? [
                    `"${tex}" sticks out of its line by ${(right - block.getBoundingClientRect().right).toFixed(0)} px`,
                  ]
                : []),
            ];
          }),
        };
      });
      formulas += found.count;
      problems.push(...found.problems.map((p) => `${new URL(url).pathname}: ${p}`));
    }
    expect(formulas, 'inline formulas').toBeGreaterThan(0);
    expect(problems, `${problems.length} of ${formulas} inline formulas`).toEqual([]);
  });
}

/** WCAG relative luminance and contrast ratio of CSS rgb()/rgba() colours (alpha ignored). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
/** Hue in degrees of a CSS rgb() colour. */
function hue(c: string): number {
  const [r, g, b] = c
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map((v) => Number(v) / 255);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}
const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

/**
 * How much of a ring around `clip` (drawn in its outermost 2 px) shows, on its worst side:
 * the share of the lines across each edge (the middle 60 %, away from rounded corners)
 * that cross a pixel of the ring's colour.
 */
async function ringShown(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
  color: string,
): Promise<number> {
  const png = await page.screenshot({ clip, animations: 'disabled', scale: 'css' });
  const [r, g, b] = color.match(/[\d.]+/g)!.map(Number);
  return page.evaluate(
    async ({ b64, r, g, b }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const ctx = Object.assign(document.createElement('canvas'), {
        width: img.width,
        height: img.height,
      }).getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const near = (d: Uint8ClampedArray, i: number) =>
        Math.abs(d[i] - r) <= 48 && Math.abs(d[i + 1] - g) <= 48 && Math.abs(d[i + 2] - b) <= 48;
      // A 2-px ring fully covers at least one pixel of the outermost 4, wherever the box
      // falls between device pixels: a line across an edge is a hit if any of them matches.
      const BAND = 4;
      const h = img.height;
      const w = img.width;
      const share = (lines: number[], band: (at: number) => Uint8ClampedArray) =>
        lines.filter((at) => {
          const d = band(at);
          return [0, 1, 2, 3].some((k) => near(d, 4 * k));
        }).length / lines.length;
      const across = (n: number) =>
        Array.from({ length: Math.round(n * 0.6) }, (_, i) => Math.round(n * 0.2) + i);
      return Math.min(
        share(across(h), (y) => ctx.getImageData(0, y, BAND, 1).data),
        share(across(h), (y) => ctx.getImageData(w - BAND, y, BAND, 1).data),
        share(across(w), (x) => ctx.getImageData(x, 0, 1, BAND).data),
        share(across(w), (x) => ctx.getImageData(x, h - BAND, 1, BAND).data),
      );
    },
    { b64: png.toString('base64'), r, g, b },
  );
}

/** The first chapter with a cell. */
async function chapterWithCell(page: Page, request: Parameters<typeof builtChapters>[1]): Promise<string> {
  for (const url of await builtChapters(page, request)) {
    await page.goto(url);
    if ((await page.locator('.cell').count()) > 0) return url;
  }
  throw new Error('no chapter has a cell');
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme, viewport: { width: 1280, height: 800 } });

    test('focus is calm and clear: the editor and the Run button, by keyboard', async ({ page, request }) => {
      await page.goto(await chapterWithCell(page, request));
      const cell = page.locator('.cell').first();
      const run = cell.locator('[data-action="run"]');
      await expect(run).toBeVisible();
      /** The focus ring around the focused element: its outline, or an ancestor's (up to the
          cell), or a layer an ancestor draws over it (a ::before/::after border). */
      const ring = () =>
        page.evaluate(() => {
          const focused = document.activeElement!;
          const cell = focused.closest('.cell')!;
          let found = { style: 'none', width: 0, color: '', clip: { x: 0, y: 0, width: 0, height: 0 } };
          for (let e: Element | null = focused; e && found.style === 'none'; e = e.parentElement) {
            const s = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            // The box whose outermost 2 px the ring covers.
            const around = (out: number) => ({
              x: r.x - out,
              y: r.y - out,
              width: r.width + 2 * out,
              height: r.height + 2 * out,
            });
            if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
              found = {
                style: s.outlineStyle,
                width: parseFloat(s.outlineWidth),
                color: s.outlineColor,
                clip: around(parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth)),
              };
            for (const pseudo of ['::before', '::after']) {
              const p = getComputedStyle(e, pseudo);
              if (found.style === 'none' && p.content !== 'none' && p.borderTopStyle !== 'none')
                found = {
                  style: p.borderTopStyle,
                  width: parseFloat(p.borderTopWidth),
                  color: p.borderTopColor,
                  // A layer over the element (inset 0).
                  clip: around(0),
                };
            }
            if (e === cell) break;
          }
          const probe = document.createElement('span');
          probe.style.color = 'var(--error)';
          document.body.append(probe);
          const errorColor = getComputedStyle(probe).color;
          probe.remove();
          return {
            ...found,
            inside: getComputedStyle(cell).backgroundColor,
            page: getComputedStyle(document.body).backgroundColor,
            errorColor,
          };
        });
      // The Run button, focused from the keyboard; then the editor. Each ring is also
      // photographed: drawn, not hidden under something (the editor's outline once was,
      // under its scrolling area's background).
      await cell.locator('[data-action="edit"]').focus();
      await page.keyboard.press('Tab');
      await expect(run).toBeFocused();
      const button = { ...(await ring()), shown: 0 };
      button.shown = await ringShown(page, button.clip, button.color);
      await cell.locator('[data-action="edit"]').click();
      await expect(cell.locator('.cm-content')).toBeFocused();
      const editor = { ...(await ring()), shown: 0 };
      editor.shown = await ringShown(page, editor.clip, editor.color);
      for (const [what, r] of Object.entries({ 'Run button': button, editor })) {
        expect(r.style, `${what}: focus ring`).toBe('solid');
        expect(r.width, `${what}: focus ring width`).toBeGreaterThanOrEqual(2);
        // A thick ring is what read as an error: no wider than 2 px.
        expect(r.width, `${what}: focus ring width`).toBeLessThanOrEqual(2);
        expect(contrast(r.color, r.page), `${what}: ring on the page`).toBeGreaterThanOrEqual(3);
        expect(contrast(r.color, r.inside), `${what}: ring on the cell`).toBeGreaterThanOrEqual(3);
        expect(
          hueDistance(hue(r.color), hue(r.errorColor)),
          `${what}: ring hue ${hue(r.color).toFixed(0)}° vs error hue ${hue(r.errorColor).toFixed(0)}°`,
        ).toBeGreaterThanOrEqual(60);
        expect(r.shown, `${what}: share of its ring shown on its worst side`).toBeGreaterThanOrEqual(0.9);
      }
    });

    test('inline code stands out from the page and reads clearly', async ({ page, request }) => {
      const problems: string[] = [];
      for (const url of await builtChapters(page, request)) {
        await page.goto(url);
        const chips = await page.evaluate(() =>
          [...document.querySelectorAll('main p > code, main li > code')].slice(0, 5).map((c) => {
            const s = getComputedStyle(c);
            return {
              text: c.textContent!,
              color: s.color,
              bg: s.backgroundColor,
              border: parseFloat(s.borderTopWidth) >= 1 ? s.borderTopColor : s.backgroundColor,
              page: (() => {
                // The first background behind the chip.
                for (let e = c.parentElement; e; e = e.parentElement) {
                  const b = getComputedStyle(e).backgroundColor;
                  if (b !== 'rgba(0, 0, 0, 0)') return b;
                }
                return getComputedStyle(document.documentElement).backgroundColor;
              })(),
            };
          }),
        );
        for (const c of chips) {
          if (contrast(c.color, c.bg) < 7)
            problems.push(`${c.text}: text ${contrast(c.color, c.bg).toFixed(2)}:1 on its chip`);
          const edge = Math.max(contrast(c.border, c.page), contrast(c.bg, c.page));
          if (edge < 1.3) problems.push(`${c.text}: chip ${edge.toFixed(2)}:1 against the page`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
}
