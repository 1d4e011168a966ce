/**
 * Every internal link of the built site (dist/) leads somewhere: each href/src that is not
 * external names a file that exists, and each #anchor an id on the target page. Reads the
 * files (no browser), so it checks every page and every link in a second; also checks the
 * sitemap, robots.txt and the 404 page the server answers with.
 */
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { chapterPaths } from './site-helpers.ts';

const DIST = join(process.cwd(), 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'pagefind' || name === '_astro') return [];
    return statSync(full).isDirectory() ? htmlFiles(full) : name.endsWith('.html') ? [full] : [];
  });
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** The URL path of a built file: dist/a/index.html -> /a/. */
const urlOf = (file: string) =>
  '/' +
  relative(DIST, file)
    .split(sep)
    .join('/')
    .replace(/(^|\/)index\.html$/, '$1');

/** The built file a URL path names, or undefined. */
function fileOf(path: string): string | undefined {
  const p = decodeURIComponent(path);
  const candidates = p.endsWith('/')
    ? [join(DIST, p, 'index.html')]
    : [join(DIST, p), join(DIST, p, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const idsCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  if (!idsCache.has(file)) {
    const html = readFileSync(file, 'utf8');
    idsCache.set(file, new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decode(m[1]!))));
  }
  return idsCache.get(file)!;
}

test('every internal link and #anchor in the built site resolves', () => {
  const files = htmlFiles(DIST);
  expect(files.length).toBeGreaterThanOrEqual(chapterPaths().length + 2);
  const broken: string[] = [];
  let checked = 0;
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const from = urlOf(file);
    for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
      const raw = decode(m[2]!);
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(raw)) continue; // http:, mailto:, data:, protocol-relative
      const url = new URL(raw, `http://site${from}`);
      const target = fileOf(url.pathname);
      checked++;
      if (!target) {
        broken.push(`${from}: ${m[1]}="${raw}" (no file for ${url.pathname})`);
        continue;
      }
      if (url.hash.length > 1 && target.endsWith('.html')) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (!idsOf(target).has(id)) broken.push(`${from}: href="${raw}" (no id "${id}" on ${url.pathname})`);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(50);
});

test('with SITE_URL the sitemap lists the home page and every chapter, and robots.txt points to it; without, neither names an address', () => {
  // dist-base/ is built with SITE_URL and BASE_PATH=/book (playwright.config.ts); dist/ without SITE_URL.
  const sitemap = readFileSync(join(process.cwd(), 'dist-base', 'sitemap.xml'), 'utf8');
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  for (const path of ['/', ...chapterPaths()]) expect(locs).toContain(`/book${path}`);
  expect(locs.some((p) => p.includes('404'))).toBe(false);
  expect(readFileSync(join(process.cwd(), 'dist-base', 'robots.txt'), 'utf8')).toMatch(
    /^Sitemap: https?:\/\/\S+\/book\/sitemap\.xml$/m,
  );
  expect(existsSync(join(DIST, 'sitemap.xml'))).toBe(false);
  expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).not.toMatch(/Sitemap|https?:/);
});

test('an unknown address gets the 404 page, which links back to the book', async ({ page }) => {
  const response = await page.goto('/no-such-chapter/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the contents' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('each page has its own title, a description and Open Graph metadata', async ({ page }) => {
  const titles = new Set<string>();
  for (const path of ['/', ...chapterPaths()]) {
    await page.goto(path);
    const meta = await page.evaluate(() => {
      const get = (sel: string) => document.querySelector(sel)?.getAttribute('content') ?? '';
      return {
        title: document.title,
        description: get('meta[name="description"]'),
        ogTitle: get('meta[property="og:title"]'),
        ogDescription: get('meta[property="og:description"]'),
        ogType: get('meta[property="og:type"]'),
        ogImage: get('meta[property="og:image"]'),
        h1: document.querySelector('h1')?.textContent?.trim() ?? '',
      };
    });
    titles.add(meta.title);
    expect(meta.title).toContain(meta.h1);
    expect(meta.description.length).toBeGreaterThan(40);
    expect(meta.ogTitle).toBe(meta.h1);
    expect(meta.ogDescription).toBe(meta.description);
    expect(meta.ogType).toBe(path === '/' ? 'website' : 'article');
    const image = await page.request.get(new URL(meta.ogImage, page.url()).href);
    expect(image.headers()['content-type']).toBe('image/png');
  }
  expect(titles.size).toBe(chapterPaths().length + 1);
});
