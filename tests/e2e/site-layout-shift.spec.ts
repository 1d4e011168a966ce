/**
 * A jump does not move what the reader jumped to. Cells are laid out only near the
 * screen (src/styles/render-cost.css), and until then take a stand-in height; if that
 * is not their real height, the page shifts when the cells around a link target appear,
 * and a click aimed at a button lands on the text beside it.
 */
import { test, expect, type Page } from '@playwright/test';
import { chapterPaths } from './site-helpers.ts';

/** The largest move, in CSS px, that still leaves a click inside a 30-px button. */
const TOLERANCE_PX = 2;

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 375, height: 740 },
];

/** Scroll the element to the middle of the screen; how far it moved once layout settled. */
async function shiftAfterJump(page: Page, selector: string): Promise<number> {
  return page.evaluate(async (sel) => {
    const all = document.querySelectorAll<HTMLElement>(sel);
    const el = all[all.length - 1];
    el.scrollIntoView({ block: 'center' });
    const before = el.getBoundingClientRect().top;
    for (let i = 0; i < 4; i++) await new Promise(requestAnimationFrame);
    return Math.abs(el.getBoundingClientRect().top - before);
  }, selector);
}

const JUMP_TARGETS = {
  'the last Run button': '.cell [data-action="run"]',
  "the exercise's Check button": '.exercise [data-exercise-action="check"]',
};

for (const path of chapterPaths()) {
  for (const viewport of VIEWPORTS) {
    test(`${path} at ${viewport.width} px: cells take their real height before layout, so a jump moves nothing`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.goto(path);
      const wrong = await page.evaluate(() => {
        const cells = [...document.querySelectorAll<HTMLElement>('.cell')];
        const standIn = cells.map((c) => c.getBoundingClientRect().height);
        const style = Object.assign(document.createElement('style'), {
          textContent: '.cell { content-visibility: visible !important; }',
        });
        document.head.append(style);
        return cells
          .map((c, i) => ({ cell: i + 1, standIn: standIn[i], real: c.getBoundingClientRect().height }))
          .filter((r) => Math.abs(r.real - r.standIn) > 1)
          .map(
            (r) => `cell ${r.cell}: stand-in ${r.standIn.toFixed(1)} px, laid out ${r.real.toFixed(1)} px`,
          );
      });
      expect(wrong).toEqual([]);

      for (const [what, selector] of Object.entries(JUMP_TARGETS)) {
        await page.goto(path);
        expect(await shiftAfterJump(page, selector), `a jump to ${what} moved it (px)`).toBeLessThanOrEqual(
          TOLERANCE_PX,
        );
      }
    });
  }
}
