/** Outline, previous/next, reading progress, no-JavaScript and print behaviour of chapters. */
import { test, expect } from '@playwright/test';
import { chapterPaths } from './site-helpers.ts';

test('a chapter lists its sections, each link reaching its heading', async ({ page }) => {
  await page.goto('/multiclass-cross-entropy/');
  const outline = page.getByRole('navigation', { name: 'On this page' });
  const links = outline.getByRole('link');
  const h2s = await page
    .locator('.chapter > h2[id]')
    .evaluateAll((hs) => hs.map((h) => h.textContent!.trim()));
  await expect(links).toHaveText(h2s.filter((t) => t !== 'After this chapter you can'));
  await links.nth(4).click();
  const id = (await links.nth(4).getAttribute('href'))!.slice(1);
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test('previous and next links walk the chapters in order', async ({ page }) => {
  const paths = chapterPaths();
  await page.goto('/');
  await page.getByRole('link', { name: /^Start reading/ }).click();
  const visited = [new URL(page.url()).pathname];
  for (let i = 1; i < paths.length; i++) {
    await page.locator('a[rel="next"]').click();
    visited.push(new URL(page.url()).pathname);
  }
  expect(visited).toHaveLength(paths.length);
  expect(new Set(visited).size).toBe(paths.length);
  await expect(page.locator('a[rel="next"]')).toHaveCount(0);
  await page.locator('a[rel="prev"]').click();
  expect(new URL(page.url()).pathname).toBe(visited[visited.length - 2]);
});

test('reading progress: opened and finished chapters are marked in the sidebar and on the home page', async ({
  page,
}) => {
  await page.goto('/binary-cross-entropy/');
  const summary = page.locator('[data-progress-summary]');
  await expect(summary).toHaveText(`0 of ${chapterPaths().length} read`);
  await page.locator('.chapter-nav').scrollIntoViewIfNeeded();
  await expect(summary).toHaveText(`1 of ${chapterPaths().length} read`);
  await page.goto('/multiclass-cross-entropy/');
  const nav = page.getByRole('navigation', { name: 'Chapters' });
  await expect(nav.getByRole('link', { name: /Binary cross-entropy \(read\)/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: /Multiclass cross-entropy \(started\)/ })).toBeVisible();
  await page.goto('/');
  await expect(page.locator('.toc [data-progress-for="binary-cross-entropy"]')).toHaveAttribute(
    'data-progress',
    'read',
  );
  await expect(page.locator('.toc [data-progress-for="multiclass-cross-entropy"]')).toHaveAttribute(
    'data-progress',
    'started',
  );
  const resume = page.getByRole('link', { name: 'Continue reading: Multiclass cross-entropy' });
  await expect(resume).toHaveAttribute('href', /\/multiclass-cross-entropy\/$/);
});

test('without JavaScript: chapter list, outline and prev/next work; the JS-only controls stay hidden', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/multiclass-cross-entropy/');
  await expect(page.getByRole('navigation', { name: 'Chapters' }).getByRole('link')).toHaveCount(
    chapterPaths().length,
  );
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Search' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toBeHidden();
  await expect(page.locator('[data-progress-summary]')).toBeHidden();
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(/\/pixelwise-cross-entropy\/$/);
  await context.close();
});

test('printing a chapter shows the text and every output, without buttons or navigation', async ({
  page,
}) => {
  await page.goto('/pixelwise-cross-entropy/');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  for (const sel of ['.site-header', '.book-nav', '.outline', '.chapter-nav', 'button']) {
    await expect(page.locator(sel).first()).toBeHidden();
  }
  const outputs = page.locator('.cell-output:not(:empty)');
  expect(await outputs.count()).toBeGreaterThan(3);
  const clipped = await outputs.evaluateAll(
    (els) =>
      els.filter((el) => (el as HTMLElement).offsetParent === null || el.scrollWidth > el.clientWidth + 1)
        .length,
  );
  expect(clipped).toBe(0);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    'rgb(255, 255, 255)',
  );
});
