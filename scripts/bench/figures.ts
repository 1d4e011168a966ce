/**
 * Figure benchmark (prints figures; never fails on size or timing):
 *
 * For every chapter page (content/*.mdx) and the figures guide (/writing-figures/), in
 * headless Chromium at 1280 × 800:
 * 1. JS fetched until the page's load event (gzip -9 of every script body, inline scripts too).
 * 2. Figure code: JS fetched after that, while the reader scrolls through the page (the
 *    explorables load when they near the viewport, once the page is idle), gzip -9, with its
 *    files. This counts
 *    everything the figures need in the page: the models, the renderer, d3 and the loss module.
 * 3. Layout shift caused by figures going live: the layout-shift entries (after load, without
 *    input) whose sources lie inside an explorable.
 * 4. How long an explorable takes from entering the viewport to live (median over the page's).
 *
 * Usage: node scripts/bench/figures.ts [--no-build]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Response } from '@playwright/test';
import { serveDist } from './serve-dist.ts';
import { table } from './table.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];
const BUDGET = { load: 10 * 1024, figures: 30 * 1024 };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (!process.argv.includes('--no-build') || !existsSync(join(DIST, 'index.html'))) {
  console.log('building the site (npm run build)...');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm run build failed (${r.status})`);
}

const pages = [
  ...readdirSync(join(ROOT, 'content'))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => `/${f.replace(/\.mdx$/, '')}/`)
    .filter((p) => existsSync(join(DIST, p, 'index.html'))),
  '/writing-figures/',
];

const { server, url } = await serveDist(DIST);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});

interface Fetched {
  name: string;
  gzip: number;
  /** Fetched after the page's load event. */
  late: boolean;
}

/** Record every JS body the page fetches (frames and workers too), and whether it came after load. */
function recordScripts(page: Page): { all: Promise<Fetched | null>[]; loaded: () => void } {
  const all: Promise<Fetched | null>[] = [];
  let late = false;
  page.on('response', (r: Response) => {
    const u = r.url();
    if (u.startsWith('blob:') || r.request().resourceType() !== 'script') return;
    const after = late;
    all.push(
      r.body().then(
        (b) => ({ name: new URL(u).pathname.split('/').pop()!, gzip: gz(b), late: after }),
        () => null,
      ),
    );
  });
  return { all, loaded: () => (late = true) };
}

const rows: string[][] = [['page', 'figures', 'JS at load', 'figure code', 'live after (median)', 'shift']];
const files: string[] = [];
for (const path of pages) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Layout shifts inside explorables, and when each explorable went live after entering the viewport.
  await page.addInitScript(() => {
    const w = window as unknown as { __figureShift: number; __seen: Map<Element, number>; __live: number[] };
    w.__figureShift = 0;
    w.__seen = new Map();
    w.__live = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node }[];
      })[]) {
        const inFigure = (e.sources ?? []).some(
          (s) => s.node instanceof Element && s.node.closest('.explorable'),
        );
        if (!e.hadRecentInput && inFigure) w.__figureShift += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    addEventListener('DOMContentLoaded', () => {
      const io = new IntersectionObserver((entries) => {
        for (const e of entries)
          if (e.isIntersecting && !w.__seen.has(e.target)) w.__seen.set(e.target, performance.now());
      });
      const mo = new MutationObserver(() => {
        for (const [el, t] of w.__seen)
          if (el.classList.contains('is-live') && !el.hasAttribute('data-timed')) {
            el.setAttribute('data-timed', '');
            w.__live.push(performance.now() - t);
          }
      });
      document.querySelectorAll('.explorable').forEach((el) => {
        io.observe(el);
        mo.observe(el, { attributes: true, attributeFilter: ['class'] });
      });
    });
  });
  const scripts = recordScripts(page);
  await page.goto(`${url}${path}`, { waitUntil: 'load' });
  scripts.loaded();
  const inline = await page.evaluate(() =>
    [...document.scripts]
      .filter((s) => !s.src)
      .map((s) => s.textContent)
      .join('\n'),
  );
  const count = await page.locator('.explorable').count();
  const figures = await page.locator('svg.fig').count();
  for (let i = 0; i < count; i++) {
    await page.locator('.explorable').nth(i).scrollIntoViewIfNeeded();
    await page.waitForTimeout(150);
  }
  await page.waitForFunction((n) => document.querySelectorAll('.explorable.is-live').length === n, count, {
    timeout: 20_000,
  });
  await page.waitForLoadState('networkidle');
  const fetched = (await Promise.all(scripts.all)).filter((x) => x !== null);
  const atLoad = fetched.filter((f) => !f.late);
  const lazy = fetched.filter((f) => f.late);
  const { shift, live } = await page.evaluate(() => {
    const w = window as unknown as { __figureShift: number; __live: number[] };
    return { shift: w.__figureShift, live: w.__live };
  });
  const loadGz = atLoad.reduce((n, f) => n + f.gzip, 0) + (inline ? gz(inline) : 0);
  const lazyGz = lazy.reduce((n, f) => n + f.gzip, 0);
  rows.push([
    path,
    `${figures} SVG, ${count} live`,
    kb(loadGz),
    kb(lazyGz),
    live.length ? `${median(live).toFixed(0)} ms` : '–',
    shift.toFixed(3),
  ]);
  files.push(`  ${path}: ${lazy.map((f) => `${f.name} ${kb(f.gzip)}`).join(', ') || '(none)'}`);
  await context.close();
}
table('Figures per page (headless Chromium, 1280 px; gzip -9; timings are noisy on a shared machine)', rows);
console.log('\nFigure code fetched per page:');
for (const f of files) console.log(f);
table('Budgets (issue 11)', [
  ['figure', 'budget'],
  ['JS at page load, any page', kb(BUDGET.load)],
  ["all of a page's figure code (loaded lazily)", kb(BUDGET.figures)],
  ['layout shift when a figure goes live', '0.000'],
]);

await browser.close();
server.close();
