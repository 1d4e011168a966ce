/**
 * A fork renames its book by editing book.config.ts alone: the whole site is built in a
 * temp copy of the project with another configuration (another title, language, image logo,
 * a GitLab repository on another branch, a licence, authors, parts) and a small book of its
 * own, without SITE_URL, and every page, the 404 page, the link-preview card, the favicon
 * and robots.txt show that book and nothing of this one; no address on localhost is written
 * anywhere; the build says once that SITE_URL is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NO_SITE_URL_WARNING } from '../../src/site/sitemap.ts';
import { pngSize, readPngText } from '../../src/site/png-text.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What the build does not need from the project (the book's own chapters least of all). */
const LEFT_OUT = new Set([
  'node_modules',
  '.git',
  'content',
  'tests',
  'dist',
  'dist-base',
  '.astro',
  'test-results',
  'playwright-report',
]);
const TITLE = 'Focal Loss, Week by Week';
const OLD_TITLE = 'Cross-Entropy, Cell by Cell';

let dir = '';
let out = '';
let log = '';
let status: number | null = null;

const CONFIG = `import { defineBook } from './src/book/book-config-schema.ts';

export default defineBook({
  title: '${TITLE}',
  subtitle: 'Notes for ML 201',
  description: 'Twelve short lessons on the losses of classifiers.',
  authors: ['Ada Lovelace', 'Alan Turing'],
  language: 'de',
  logo: { image: 'logo.svg' },
  repository: { url: 'https://gitlab.com/ml201/focal-book', branch: 'spring' },
  licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  home: {
    introduction: 'A **short** course on focal loss.',
    cards: [{ title: 'Who it is for', body: 'Students of *ML 201*.' }],
  },
  footer: 'Written for ML 201, spring term.',
  parts: [
    { id: 'week-1', title: 'Week 1: two classes', description: 'Probabilities first.' },
    { id: 'week-2', title: 'Week 2: focusing' },
  ],
});
`;

const chapter = (title: string, order: number, part: string) =>
  `---\ntitle: ${title}\ndescription: About ${title.toLowerCase()}.\norder: ${order}\npart: ${part}\n---\n\nSome text about $p_t$.\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'book-config-build-'));
  cpSync(ROOT, dir, {
    recursive: true,
    filter: (src) => !LEFT_OUT.has(relative(ROOT, src).split(sep)[0]),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'book.config.ts'), CONFIG);
  mkdirSync(join(dir, 'public'), { recursive: true });
  writeFileSync(
    join(dir, 'public/logo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4" fill="#7c2d12"/></svg>',
  );
  mkdirSync(join(dir, 'content'));
  writeFileSync(join(dir, 'content/probabilities.mdx'), chapter('Probabilities', 1, 'week-1'));
  writeFileSync(join(dir, 'content/binary-loss.mdx'), chapter('Binary loss', 2, 'week-1'));
  writeFileSync(join(dir, 'content/focal-loss.mdx'), chapter('Focal loss', 3, 'week-2'));
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      SITE_URL: '',
      BASE_PATH: '',
      NETLIFY: '',
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
    timeout: 400_000,
  });
  status = r.status;
  log = `${r.stdout}\n${r.stderr}`;
  out = join(dir, 'dist');
}, 420_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const page = (path: string) => readFileSync(join(out, path), 'utf8');
/** The content of `<meta property|name="key" content="…">`. */
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

it('builds, and says once that SITE_URL is missing', () => {
  expect(status, log.slice(-3000)).toBe(0);
  expect(log.split(NO_SITE_URL_WARNING).length - 1).toBe(1);
});

describe('the pages show the configured book', () => {
  it('home: title, language, meta, logo, introduction, cards and footer', () => {
    const html = page('index.html');
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(`<title>${TITLE}</title>`);
    expect(meta(html, 'description')).toBe('Twelve short lessons on the losses of classifiers.');
    expect(meta(html, 'author')).toBe('Ada Lovelace, Alan Turing');
    expect(meta(html, 'og:site_name')).toBe(TITLE);
    expect(meta(html, 'og:title')).toBe(TITLE);
    expect(meta(html, 'og:locale')).toBe('de');
    expect(meta(html, 'og:image')).toBe('/og-card.png');
    expect(meta(html, 'og:image:alt')).toBe(`${TITLE}: Notes for ML 201`);
    expect(html).toContain('<link rel="icon" href="/logo.svg">');
    expect(html).toMatch(
      /<a class="site-title" href="\/"><img class="site-logo[^"]*" src="\/logo.svg" alt(?:="")?[^>]*>Focal Loss, Week by Week<\/a>/,
    );
    expect(html).toContain('<p class="hero-kicker">Notes for ML 201</p>');
    expect(html).toContain('<p>A <strong>short</strong> course on focal loss.</p>');
    expect(html).toContain('<h2>Who it is for</h2><p>Students of <em>ML 201</em>.</p>');
    expect(text(html)).toContain('Written for ML 201, spring term.');
    expect(text(html)).toContain('By Ada Lovelace und Alan Turing.');
    expect(html).toContain('<a href="https://creativecommons.org/licenses/by/4.0/" rel="license"');
    expect(html).toContain('<a href="https://gitlab.com/ml201/focal-book"');
  });

  it('home contents and sidebar: the chapters under their parts, in order', () => {
    const html = page('index.html');
    const headings = [...html.matchAll(/<h3 class="toc-part-title"[^>]*>([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Week 1: two classes', 'Week 2: focusing']);
    expect(text(html)).toMatch(
      /Week 1: two classes Probabilities first\. Chapter 1 Probabilities .* Chapter 2 Binary loss .* Week 2: focusing Chapter 3 Focal loss/,
    );
    const nav = /<nav class="book-nav"[\s\S]*?<\/nav>/.exec(page('focal-loss/index.html'))![0];
    expect(text(nav)).toMatch(
      /Week 1: two classes 1\. Probabilities 2\. Binary loss Week 2: focusing 3\. Focal loss/,
    );
  });

  it('a chapter: its part in the header, the next part named at the boundary, an edit link to GitLab', () => {
    const html = page('binary-loss/index.html');
    expect(html).toContain(`<title>Binary loss · ${TITLE}</title>`);
    expect(text(html)).toContain('Week 1: two classes · Chapter 2');
    expect(text(/<nav class="chapter-nav"[\s\S]*?<\/nav>/.exec(html)![0])).toBe(
      'Previous Probabilities Next Week 2: focusing Focal loss',
    );
    expect(html).toContain(
      'href="https://gitlab.com/ml201/focal-book/-/edit/spring/content/binary-loss.mdx"',
    );
    expect(page('writing-lessons/index.html')).toContain(
      'href="https://gitlab.com/ml201/focal-book/-/edit/spring/src/guide/writing-lessons.mdx"',
    );
    expect(page('from-pytorch/index.html')).toContain(
      'href="https://gitlab.com/ml201/focal-book/-/edit/spring/src/guide/from-pytorch.mdx"',
    );
  });

  it('the 404 page', () => {
    const html = page('404.html');
    expect(html).toContain(`<title>Page not found · ${TITLE}</title>`);
    expect(meta(html, 'description')).toBe(`This page of ${TITLE} does not exist.`);
  });

  it('nothing of the original book is left in any page', () => {
    for (const file of files(out, '.html')) expect(readFileSync(file, 'utf8'), file).not.toContain(OLD_TITLE);
  });
});

describe('what needs the site address', () => {
  it('no sitemap, a robots.txt without one, and no localhost address in any page’s head, link or text file', () => {
    expect(existsSync(join(out, 'sitemap.xml'))).toBe(false);
    expect(page('robots.txt')).toBe('User-agent: *\nAllow: /\n');
    for (const file of [...files(out, '.txt'), ...files(out, '.xml')]) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/localhost|127\.0\.0\.1/);
    }
    // (The guide's prose mentions http://localhost:4321 for `npm start`; an address the
    // build writes would be in the head or in an attribute.)
    for (const file of files(out, '.html')) {
      const html = readFileSync(file, 'utf8');
      expect(/<head>[\s\S]*<\/head>/.exec(html)![0], file).not.toMatch(/localhost|127\.0\.0\.1/);
      expect(html, file).not.toMatch(/(?:href|src|content)="[^"]*(?:localhost|127\.0\.0\.1)/);
    }
    expect(page('index.html')).not.toMatch(/rel="(?:canonical|sitemap)"|og:url/);
  });
});

it('the link-preview card is drawn for this book', () => {
  const png = readFileSync(join(out, 'og-card.png'));
  expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  expect(readPngText(png).Title).toBe(TITLE);
});

function files(root: string, ext: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(root, f));
}
