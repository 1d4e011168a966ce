/**
 * The built site shows the book that book.config.ts describes, whatever it says: the header,
 * the pages' titles and language, the footer, "Edit this page" links exactly when a
 * repository is set, the parts in the contents and the sidebar exactly when the config has
 * parts, the 404 page, and the link-preview card. The chapters are found from the site's own
 * contents, so a fork's chapters are checked as well as ours. (Another configuration, with
 * a repository and parts, is built and checked by tests/book/book-config-build.test.ts.)
 */
import { test, expect, type Page } from '@playwright/test';
import raw from '../../book.config.ts';
import { bookSchema } from '../../src/book/book-config-schema.ts';
import { editUrl } from '../../src/book/edit-url.ts';
import { readPngText } from '../../src/site/png-text.ts';

const book = bookSchema.parse(raw);

/** The chapters' paths, in the order of the home page's contents. */
async function chapterPathsFromSite(page: Page): Promise<string[]> {
  await page.goto('/');
  const hrefs = await page
    .locator('.toc .toc-title a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(0);
  return hrefs;
}

test('home: the title, language, header, subtitle and footer are the configured ones', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(book.title);
  await expect(page.locator('html')).toHaveAttribute('lang', book.language);
  await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute('content', book.title);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', book.description);
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: book.title, exact: true })).toBeVisible();
  await expect(header.locator('.site-logo')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(book.title);
  if (book.subtitle) await expect(page.locator('.hero-kicker')).toHaveText(book.subtitle);
  await expect(page.locator('.home-card h2')).toHaveText(book.home.cards.map((c) => c.title));

  const footer = page.getByRole('contentinfo');
  await expect(footer.locator('.site-footer-text')).toHaveCount(book.footer ? 1 : 0);
  await expect(footer.getByText(/^By /)).toHaveCount(book.authors.length > 0 ? 1 : 0);
  await expect(footer.locator('a[rel="license"]')).toHaveCount(book.licence?.url ? 1 : 0);
  await expect(footer.getByRole('link', { name: /^Source/ })).toHaveCount(book.repository ? 1 : 0);
});

test('every chapter: titled after the book, an edit link exactly when a repository is set', async ({
  page,
}) => {
  for (const path of await chapterPathsFromSite(page)) {
    await page.goto(path);
    const h1 = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    await expect(page).toHaveTitle(`${h1} · ${book.title}`);
    const edit = page.getByRole('link', { name: /^Edit this page/ });
    const id = path.replace(/^\/|\/$/g, '');
    const expected = editUrl(book.repository, `content/${id}.mdx`);
    if (expected) await expect(edit, path).toHaveAttribute('href', expected);
    else await expect(edit, path).toHaveCount(0);
  }
  // The pages that are not chapters: their sources are in src/guide/.
  for (const [path, source] of [
    ['/writing-lessons/', 'src/guide/writing-lessons.mdx'],
    ['/from-pytorch/', 'src/guide/from-pytorch.mdx'],
  ]) {
    await page.goto(path);
    const edit = page.getByRole('link', { name: /^Edit this page/ });
    const expected = editUrl(book.repository, source);
    if (expected) await expect(edit, path).toHaveAttribute('href', expected);
    else await expect(edit, path).toHaveCount(0);
  }
});

test('parts: headings in the contents and the sidebar exactly when the config declares parts', async ({
  page,
}) => {
  const paths = await chapterPathsFromSite(page);
  const homeParts = await page.locator('.toc-part-title').allTextContents();
  await page.goto(paths[0]);
  const navParts = await page
    .getByRole('navigation', { name: 'Chapters' })
    .locator('.book-nav-part-title')
    .allTextContents();
  if (book.parts.length === 0) {
    expect(homeParts).toEqual([]);
    expect(navParts).toEqual([]);
  } else {
    // The parts that have chapters, in the config's order, in both places.
    expect(homeParts.length).toBeGreaterThan(0);
    expect(book.parts.map((p) => p.title).filter((t) => homeParts.includes(t))).toEqual(homeParts);
    expect(navParts.map((t) => t.trim())).toEqual(homeParts.map((t) => t.trim()));
  }
});

test('the 404 page names the book and leads back to the contents', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle(`Page not found · ${book.title}`);
  await page.getByRole('link', { name: 'Go to the contents' }).click();
  await expect(page).toHaveTitle(book.title);
});

test('the link-preview card and the favicon are drawn for this book', async ({ page, request }) => {
  await page.goto('/');
  const card = await page.locator('meta[property="og:image"]').getAttribute('content');
  const png = await (await request.get(card!)).body();
  expect(readPngText(png).Title).toBe(book.title);
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  const response = await request.get(icon!);
  expect(response.status()).toBe(200);
  if (book.logo.kind === 'text') expect(await response.text()).toContain(`>${book.logo.text}</text>`);
});
