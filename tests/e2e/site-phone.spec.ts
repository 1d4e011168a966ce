/** A 375-px-wide phone: no sideways page scroll; wide tensors and math scroll in their own box; cells edit and run. */
import { test, expect, type Page } from '@playwright/test';
import { chapterPaths } from './site-helpers.ts';

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const path of ['/', ...chapterPaths(), '/writing-lessons/', '/from-pytorch/', '/404.html']) {
  test(`${path} does not scroll sideways at 375 or 320 px`, async ({ page }) => {
    await page.goto(path);
    expect(await pageOverflow(page)).toBe(0);
    // The narrowest phones in use: tables and code scroll in their own box here too.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await pageOverflow(page)).toBe(0);
  });
}

test('a wide tensor output and a wide equation scroll inside their own box', async ({ page }) => {
  await page.goto('/pixelwise-cross-entropy/');
  const wide = await page.evaluate(() => {
    const scrolls = (el: Element) =>
      el.scrollWidth > el.clientWidth && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const fits = (el: Element) => el.getBoundingClientRect().right <= document.documentElement.clientWidth;
    const outputs = [...document.querySelectorAll('.cell-output')].filter(
      (el) => el.scrollWidth > el.clientWidth,
    );
    return {
      outputs: outputs.length,
      scrolling: outputs.filter(scrolls).length,
      inside: outputs.filter(fits).length,
    };
  });
  expect(wide.outputs).toBeGreaterThan(0);
  expect(wide.scrolling).toBe(wide.outputs);
  expect(wide.inside).toBe(wide.outputs);

  await page.goto('/multiclass-cross-entropy/');
  const math = await page.evaluate(() => {
    const wideMath = [...document.querySelectorAll('.katex-display')].filter(
      (el) => el.scrollWidth > el.clientWidth,
    );
    return {
      wide: wideMath.length,
      scrolling: wideMath.filter((el) => getComputedStyle(el).overflowX === 'auto').length,
    };
  });
  expect(math.wide).toBeGreaterThan(0);
  expect(math.scrolling).toBe(math.wide);
  expect(await pageOverflow(page)).toBe(0);
});

test('a wide table scrolls in its box at 320 px, its caption wrapped inside the box and kept in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/pixelwise-cross-entropy/');
  const box = page
    .locator('.table-scroll')
    .filter({ has: page.locator('caption') })
    .first();
  const inView = () =>
    box.evaluate((el) => {
      const b = el.getBoundingClientRect();
      const c = el.querySelector('caption')!.getBoundingClientRect();
      // Within 1 px: a sticky caption may sit a subpixel off once the box has scrolled.
      return {
        wide: el.scrollWidth > el.clientWidth,
        leftEdgeInBox: Math.abs(c.left - b.left) <= 1,
        rightEdgeInBox: c.right <= b.right + 1,
      };
    });
  const inside = { wide: true, leftEdgeInBox: true, rightEdgeInBox: true };
  expect(await inView()).toEqual(inside);
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  expect(await inView()).toEqual(inside);
});

test('an error line wraps inside the cell instead of scrolling', async ({ page }) => {
  await page.goto('/pixelwise-cross-entropy/');
  const error = page.locator('.cell-output[data-status="error"]').first();
  await expect(error).toContainText('Error (line 1):');
  expect(await error.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
});

test('on a phone a cell can be edited and run', async ({ page }) => {
  await page.goto('/binary-cross-entropy/');
  const cell = page.locator('.cell').first();
  await cell.getByRole('button', { name: 'Edit cell 1' }).tap();
  const editor = cell.locator('.cm-content');
  await expect(editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nconsole.log("phone " + (6 * 7));');
  await cell.getByRole('button', { name: 'Run cell 1' }).tap();
  const output = cell.locator('.cell-output');
  await expect(output).toHaveAttribute('data-ran', 'true');
  await expect(output).toContainText('phone 42');
  expect(await pageOverflow(page)).toBe(0);
});
