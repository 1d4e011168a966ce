/**
 * The site built under a base path (BASE_PATH=/book, as a fork on GitHub Pages would be)
 * works: pages, links, assets, the cell runner's worker and the exercises. Runs in the
 * `base-path` project of playwright.config.ts, against its own build on its own port.
 */
import { test, expect } from '@playwright/test';

test('under /book/, a chapter renders, links work, a cell runs and an exercise checks', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/no-such-chapter/')) failed.push(`${r.status()} ${r.url()}`);
  });
  // A request that fails without a response (refused, reset, blocked) is a fault; one that
  // the browser cancels because the page navigated on (net::ERR_ABORTED: the favicon or a
  // blob: worker script still loading when the test clicks a link) is not. A file missing
  // under the base path shows up above, as a 404 response.
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') failed.push(`failed ${r.url()} (${reason})`);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('./');
  expect(new URL(page.url()).pathname).toBe('/book/');
  await page.getByRole('link', { name: 'Multiclass cross-entropy' }).first().click();
  await expect(page).toHaveURL(/\/book\/multiclass-cross-entropy\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Multiclass cross-entropy');
  await expect(page.locator('.katex').first()).toBeVisible();

  const cell = page.locator('.cell').first();
  await cell.getByRole('button', { name: 'Run cell 1' }).click();
  await expect(cell.locator('.cell-output')).toHaveAttribute('data-ran', 'true');
  await expect(cell.locator('.cell-output')).toContainText('tensor([[0.7856, 0.1753, 0.0391],');

  const exercise = page.locator('.exercise').first();
  await exercise.getByRole('button', { name: 'Check exercise 1' }).click();
  await expect(exercise.locator('.exercise-summary')).toHaveText(
    '1 of 4 checks pass. Not there yet: read the messages below.',
  );

  await page
    .getByRole('link', { name: /Pixel-wise cross-entropy/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/book\/pixelwise-cross-entropy\/$/);
  await page.goto('writing-lessons/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Writing lessons');
  // Every chapter's note above its first cell leads to the cheat sheet under the base path.
  await page.goto('./');
  await page.locator('a[data-continue]').click();
  await page.getByRole('link', { name: 'What differs here' }).click();
  await expect(page).toHaveURL(/\/book\/from-pytorch\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('From PyTorch to this book');

  // An unknown address under the base path gets the site's 404 page, linking back to /book/.
  const missing = await page.goto('no-such-chapter/');
  expect(missing?.status()).toBe(404);
  await page.getByRole('link', { name: 'Go to the contents' }).click();
  await expect(page).toHaveURL(/\/book\/$/);

  // The icon is fetched lazily and may have been cancelled above; ask for it directly.
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon).toBe('/book/favicon.svg');
  expect((await page.request.get(icon!)).status()).toBe(200);

  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
});
