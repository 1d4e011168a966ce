/**
 * The chapters of the built book, found as a reader finds them: every page the home page
 * links to that is a chapter (`article[data-chapter-id]`). Nothing here names a chapter,
 * so the tests that use it follow whatever lessons the instructor has added, renamed or
 * removed.
 */
import type { APIRequestContext, Page } from '@playwright/test';

/** Absolute addresses of the book's chapters, in the order the home page lists them. */
export async function builtChapters(page: Page, request: APIRequestContext): Promise<string[]> {
  await page.goto('./');
  const home = new URL(page.url());
  const links = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href),
  );
  const candidates = [
    ...new Set(
      links
        .map((href) => new URL(href))
        .filter((u) => u.origin === home.origin && u.pathname.startsWith(home.pathname))
        .map((u) => `${u.origin}${u.pathname}`),
    ),
  ].filter((href) => href !== `${home.origin}${home.pathname}`);
  const chapters: string[] = [];
  for (const href of candidates) {
    const response = await request.get(href);
    if (response.ok() && /<article[^>]*\bdata-chapter-id=/.test(await response.text())) chapters.push(href);
  }
  return chapters;
}
