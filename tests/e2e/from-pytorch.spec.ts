/**
 * The cheat sheet "From PyTorch to this book" (/from-pytorch/): it renders, its cells run in the
 * browser and print what the build printed, every chapter links to it above its first cell (the
 * chapters found on the built site, whatever the instructor named them), and the home page links to
 * it. axe (both themes): tests/e2e/site-a11y.spec.ts; a phone's width: tests/e2e/site-phone.spec.ts.
 */
import { test, expect } from '@playwright/test';
import { runCell } from './cells-fixtures.ts';
import { builtChapters } from './built-chapters.ts';

const SHEET = '/from-pytorch/';
const TITLE = 'From PyTorch to this book';

test('the cheat sheet renders its sections, PyTorch sessions and cells without JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(SHEET);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page).toHaveTitle(new RegExp(TITLE));
  await expect(page.getByRole('heading', { level: 2, name: 'Numbers: float32 and int64' })).toBeVisible();
  await expect(page.locator('pre[data-language="python"]').first()).toContainText('>>> import torch');
  // The float-literal cell shows PyTorch's reading, computed at build time.
  await expect(page.locator('.cell-output').filter({ hasText: 'tensor([1., 0.])' }).first()).toBeVisible();
  expect(await page.locator('.cell').count()).toBeGreaterThan(5);
  // The page is not a chapter: no note linking to itself, no chapter number.
  await expect(page.locator('.pytorch-note')).toHaveCount(0);
  await expect(page.locator('article[data-chapter-id]')).toHaveCount(0);
  await context.close();
});

test('every cell of the cheat sheet prints in the browser what the build printed', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(SHEET);
  const cells = page.locator('.cell[data-cell]');
  const n = await cells.count();
  for (let i = 0; i < n; i++) {
    const cell = cells.nth(i);
    const built = (await cell.locator('.cell-output').textContent()) ?? '';
    const status = await cell.locator('.cell-output').getAttribute('data-status');
    const output = await runCell(cell);
    await expect(output, `cell ${i + 1}`).toHaveAttribute('data-status', status!);
    // A cell that prints nothing (the imports) says so in its own words once run.
    if (built !== '') await expect(output, `cell ${i + 1}`).toHaveText(built);
  }
  expect(errors).toEqual([]);
});

test('every chapter of the built site links to the cheat sheet above its first cell, without JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const chapters = await builtChapters(page, context.request);
  expect(chapters.length).toBeGreaterThan(0);
  for (const path of chapters) {
    await page.goto(path);
    const notes = page.locator('.pytorch-note');
    await expect(notes, path).toHaveCount(1);
    // The note is the element right before the chapter's first cell.
    const placed = await page.evaluate(() => {
      const first = document.querySelector('article .cell[data-cell]');
      return first?.previousElementSibling?.classList.contains('pytorch-note') ?? false;
    });
    expect(placed, `${path}: the note is right above the first cell`).toBe(true);
    await expect(notes).toContainText('Coming from PyTorch?');
    const link = notes.getByRole('link', { name: 'What differs here' });
    expect(new URL((await link.getAttribute('href'))!, page.url()).pathname).toBe(SHEET);
  }
  await page.goto(chapters[0]);
  await page.getByRole('link', { name: 'What differs here' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await context.close();
});

test('the home page links to the cheat sheet', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`${SHEET}$`));
});
