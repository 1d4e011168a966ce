/**
 * Cell runtime benchmark (prints figures; never fails on timing):
 *
 * 1. JS a chapter page loads before any interaction: the HTML's <script> tags and
 *    modulepreloads plus their static imports, gzip -9 each (and what Chromium fetched).
 * 2. JS fetched when a cell first runs (loader -> client -> worker runtime), gzip -9,
 *    recorded by Playwright from the click on Run to the output; and the editor on Edit.
 * 3. Click-to-output for the worked example cell of chapter 3 (the first cell whose
 *    output shows tensor(0.9862), first run (cold: nothing loaded yet, no hover warm-up)
 *    and later runs (the worker is kept after a clean run), median of several page
 *    loads, in headless Chromium. The figures are printed next to issue 4's budgets.
 *
 * Usage: npx node scripts/bench/cells.ts [--no-build] [--loads=5]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { serveDist } from './serve-dist.ts';
import { table } from './table.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const CHAPTER = 'pixelwise-cross-entropy';
const args = process.argv.slice(2);
const LOADS = Number(args.find((a) => a.startsWith('--loads='))?.split('=')[1] ?? 5);
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

if (!args.includes('--no-build') || !existsSync(join(DIST, CHAPTER, 'index.html'))) {
  console.log('building the site (npm run build)...');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm run build failed (${r.status})`);
}

// 1. Static analysis of the chapter page.
const html = readFileSync(join(DIST, CHAPTER, 'index.html'), 'utf8');
const entry: { name: string; bytes: Buffer }[] = [];
const seen = new Set<string>();
function addFile(urlPath: string): void {
  if (seen.has(urlPath)) return;
  seen.add(urlPath);
  const file = join(DIST, urlPath);
  const bytes = readFileSync(file);
  entry.push({ name: urlPath, bytes });
  // Static imports run before the module does: count them too (dynamic import() is not).
  const text = bytes.toString('utf8');
  for (const m of text.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
    addFile(resolve('/', dirname(urlPath), m[1]).replace(/^\/+/, '/'));
  }
}
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
  const src = /\bsrc="([^"]+)"/.exec(m[1])?.[1];
  const type = /\btype="([^"]+)"/.exec(m[1])?.[1];
  if (src) addFile(src);
  else if (m[2].trim() && (!type || type === 'module' || type.includes('javascript'))) {
    entry.push({ name: '(inline script)', bytes: Buffer.from(m[2]) });
  }
}
for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) addFile(m[1]);
const entryRows = entry.map((e) => [e.name, kb(e.bytes.length), kb(gz(e.bytes))]);
const entryGz = entry.reduce((n, e) => n + gz(e.bytes), 0);
entryRows.push(['total', kb(entry.reduce((n, e) => n + e.bytes.length, 0)), kb(entryGz)]);
table(`JS loaded before interaction on /${CHAPTER}/ (from the HTML)`, [
  ['file', 'raw', 'gzip -9'],
  ...entryRows,
]);

// 2 and 3 in Chromium.
const { server, url } = await serveDist(DIST);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});

/** JS/wasm bodies fetched by the page (frames and workers included) while `fn` runs. */
async function recordScripts(
  page: Page,
  fn: () => Promise<void>,
): Promise<{ name: string; raw: number; gzip: number }[]> {
  const got: Promise<{ name: string; raw: number; gzip: number } | null>[] = [];
  const onResponse = (response: import('@playwright/test').Response) => {
    const u = response.url();
    // blob: URLs are the worker started from text the page already fetched: not a download.
    if (u.startsWith('blob:')) return;
    if (!/\.(m?js|wasm)(\?|$)/.test(u) && !/javascript|wasm/.test(response.headers()['content-type'] ?? ''))
      return;
    got.push(
      response.body().then(
        (b) => ({ name: new URL(u).pathname, raw: b.length, gzip: gz(b) }),
        () => null,
      ),
    );
  };
  page.on('response', onResponse);
  await fn();
  page.off('response', onResponse);
  return (await Promise.all(got)).filter((x) => x !== null);
}

/** Click Run on the cell and resolve with the ms until its output is written. */
async function clickToOutput(page: Page, cellIndex: number): Promise<number> {
  return page.evaluate((i) => {
    const cell = document.querySelectorAll<HTMLElement>('.cell[data-cell]')[i];
    const out = cell.querySelector<HTMLElement>('.cell-output')!;
    const button = cell.querySelector<HTMLButtonElement>('[data-action="run"]')!;
    return new Promise<number>((done) => {
      let busySeen = false;
      const t0 = performance.now();
      const check = () => {
        if (out.hasAttribute('aria-busy')) busySeen = true;
        else if (busySeen) {
          observer.disconnect();
          done(performance.now() - t0);
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(out, { attributes: true, childList: true, characterData: true, subtree: true });
      button.click();
      check();
    });
  }, cellIndex);
}

const pageUrl = `${url}/${CHAPTER}/`;
const context = await browser.newContext();
const page = await context.newPage();
const initial = await recordScripts(page, async () => {
  await page.goto(pageUrl, { waitUntil: 'networkidle' });
});
const cellIndex = await page.evaluate(() =>
  Array.from(document.querySelectorAll('.cell[data-cell]')).findIndex((c) =>
    c.querySelector('.cell-output')?.textContent?.includes('tensor(0.9862'),
  ),
);
if (cellIndex < 0) throw new Error('no cell of chapter 3 shows tensor(0.9862');
const onRun = await recordScripts(page, async () => {
  await clickToOutput(page, cellIndex);
});
const onEdit = await recordScripts(page, async () => {
  await page.locator('.cell').nth(cellIndex).getByRole('button', { name: /^Edit/ }).click();
  await page.locator('.cell').nth(cellIndex).locator('.cm-content').waitFor();
});
const output = await page.locator('.cell').nth(cellIndex).locator('.cell-output').textContent();
await context.close();

const sum = (xs: { gzip: number }[]) => xs.reduce((n, x) => n + x.gzip, 0);
table('JS fetched by Chromium (response bodies, gzip -9)', [
  ['moment', 'files', 'raw', 'gzip -9'],
  [
    'page load (before interaction)',
    String(initial.length),
    kb(initial.reduce((n, x) => n + x.raw, 0)),
    kb(sum(initial)),
  ],
  [
    'first Run (client + worker runtime)',
    String(onRun.length),
    kb(onRun.reduce((n, x) => n + x.raw, 0)),
    kb(sum(onRun)),
  ],
  [
    'first Edit (CodeMirror)',
    String(onEdit.length),
    kb(onEdit.reduce((n, x) => n + x.raw, 0)),
    kb(sum(onEdit)),
  ],
]);
for (const [label, list] of [
  ['first Run', onRun],
  ['first Edit', onEdit],
] as const) {
  console.log(`  ${label}: ${list.map((x) => `${x.name.split('/').pop()} ${kb(x.gzip)}`).join(', ')}`);
}

const first: number[] = [];
const second: number[] = [];
const secondIdle: number[] = [];
for (let i = 0; i < LOADS; i++) {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto(pageUrl, { waitUntil: 'networkidle' });
  first.push(await clickToOutput(p, cellIndex));
  second.push(await clickToOutput(p, cellIndex));
  await p.waitForTimeout(1000);
  secondIdle.push(await clickToOutput(p, cellIndex));
  await ctx.close();
}
const fmt = (xs: number[]) => [
  `${median(xs).toFixed(0)} ms`,
  `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`,
];
table(`Click Run -> output, chapter 3 cell ${cellIndex + 1} (${LOADS} page loads, headless Chromium)`, [
  ['run', 'median', 'range'],
  ['first (cold)', ...fmt(first)],
  ['second (right after the first)', ...fmt(second)],
  ['third (after 1 s idle)', ...fmt(secondIdle)],
]);
console.log(`  output: ${output?.split('\n')[0]}`);

// The issue's budgets next to the figures (printed, never enforced here).
const runtimeGz = sum(onRun) + sum(onEdit);
table('Budgets (issue 4)', [
  ['figure', 'measured', 'budget'],
  ['JS before interaction (chapter page, from the HTML)', kb(entryGz), '10.0 KB'],
  ['whole cell runtime (first Run + first Edit)', kb(runtimeGz), '200.0 KB'],
  ['click-to-output, first run (median)', `${median(first).toFixed(0)} ms`, '300 ms'],
  ['click-to-output, later runs (median)', `${median(second).toFixed(0)} ms`, '50 ms'],
]);

await browser.close();
server.close();
