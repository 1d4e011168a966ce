/** Pagefind search (built by `npm run build`) finds words of cell outputs and of prose, and takes the reader there. */
import { test, expect, type Page } from '@playwright/test';

async function search(page: Page, term: string) {
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search the book' });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('textbox');
  await expect(input).toBeFocused();
  await input.fill(term);
  return dialog;
}

test('no search code is loaded before the reader opens search', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(r.url()));
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(loaded.filter((u) => u.includes('/pagefind/'))).toEqual([]);
});

const FOUND_ONLY_IN = [
  {
    where: 'a cell output',
    term: 'LogSoftmaxBackward0',
    title: 'Multiclass cross-entropy',
    path: '/multiclass-cross-entropy/',
  },
  {
    where: 'the Writing lessons guide',
    term: 'frontmatter',
    title: 'Writing lessons',
    path: '/writing-lessons/',
  },
  {
    where: 'the From PyTorch cheat sheet',
    term: 'Mersenne',
    title: 'From PyTorch to this book',
    path: '/from-pytorch/',
  },
];

for (const { where, term, title, path } of FOUND_ONLY_IN) {
  test(`search finds a word that appears only in ${where}, and opens that page`, async ({ page }) => {
    await page.goto('/');
    const dialog = await search(page, term);
    const first = dialog.locator('.pagefind-ui__result-link').first();
    await expect(first).toHaveText(title);
    await first.click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });
}

test('search finds prose, with a link to the section', async ({ page }) => {
  await page.goto('/binary-cross-entropy/');
  const dialog = await search(page, 'segmentation');
  const titles = dialog.locator('.pagefind-ui__result-link');
  await expect(titles.first()).toBeVisible();
  await expect(titles).toContainText(['Pixel-wise cross-entropy']);
  const section = dialog.locator('.pagefind-ui__result-link[href*="/pixelwise-cross-entropy/#"]').first();
  const href = await section.getAttribute('href');
  await section.click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  const id = decodeURIComponent(href!.split('#')[1]!);
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test('the / key opens search and Escape closes it', async ({ page }) => {
  await page.goto('/pixelwise-cross-entropy/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the book' });
  await expect(dialog.getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
