/**
 * Look at the built book: screenshots of the home page and each chapter at 1280 and 375 px
 * in both themes (in pieces a screen and a half tall), close-ups of its math, cells, exercises and tables, and each display
 * formula drawn by KaTeX alone (its own script and stylesheet on a blank page) beside the
 * book's, to compare; and a cell and an exercise in use (keyboard focus, the editor, after a
 * second Run, after a Check). Open the files (or index.html, which shows them side by side).
 *
 *   npm run build && npx node scripts/site/screenshots.ts [--out screenshots] [--url http://localhost:4321/]
 *       [--max 8] [--width 1280,375] [--theme light,dark] [--only <path part>]
 *
 * Without --url it serves dist/ itself on a free port. The chapters are found from the home
 * page's links, as the tests find them (tests/e2e/built-chapters.ts). This is a tool for
 * looking; the committed screenshot comparisons are the visual-regression tests.
 */
import { chromium, type Locator, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { builtChapters } from '../../tests/e2e/built-chapters.ts';
import { openKatexReference } from '../../tests/e2e/katex-reference.ts';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'screenshots' },
    url: { type: 'string' },
    max: { type: 'string', default: '8' },
    width: { type: 'string', default: '1280,375' },
    theme: { type: 'string', default: 'light,dark' },
    only: { type: 'string' },
  },
});
const out = resolve(values.out);
const MAX = Number(values.max);
const WIDTHS = values.width.split(',').map(Number);
const THEMES = values.theme.split(',') as ('light' | 'dark')[];

/** Close-ups: what to photograph on each page, at most MAX of each. */
const CLOSE_UPS: Record<string, string> = {
  math: '.katex-display',
  'inline-math': 'p:has(> .katex), li:has(> .katex)',
  cell: '.cell',
  exercise: '.exercise',
  table: '.table-scroll',
  code: 'pre.astro-code:not(.cell-code pre)',
  header: '.site-header',
};

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Serve dist/ on a free port (scripts/serve-static.ts); returns the address and a stop function. */
async function serveDist(): Promise<{ url: string; stop: () => void }> {
  if (!existsSync('dist/index.html')) throw new Error('No dist/: run `npm run build` first (or pass --url).');
  const port = await freePort();
  const server = spawn(process.execPath, ['scripts/serve-static.ts', 'dist', '--port', String(port)], {
    stdio: 'ignore',
  });
  const url = `http://localhost:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => server.kill() };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  server.kill();
  throw new Error(`the static server did not answer at ${url}`);
}

/** Close-ups of a cell and an exercise in use, on the first chapter that has both. */
async function statesOf(page: Page, chapters: string[], suffix: string): Promise<string[]> {
  const files: string[] = [];
  const shoot = async (el: Locator, name: string) => {
    const file = `state-${name}-${suffix}.png`;
    await el.screenshot({ path: join(out, file), animations: 'disabled' });
    files.push(file);
  };
  for (const url of chapters) {
    await page.goto(url);
    const cell = page.locator('.cell').first();
    const exercise = page.locator('.exercise').first();
    if ((await cell.count()) === 0 || (await exercise.count()) === 0) continue;
    const run = cell.locator('[data-action="run"]');
    await run.waitFor();
    await cell.locator('[data-action="edit"]').focus();
    await page.keyboard.press('Tab');
    await shoot(cell.locator('.cell-bar'), 'run-button-focused');
    await run.click();
    await cell.locator('.cell-ran').waitFor();
    await run.click();
    await cell.locator('.cell-ran', { hasText: '×2' }).waitFor();
    await shoot(cell, 'cell-ran-twice');
    await cell.locator('[data-action="edit"]').click();
    await cell.locator('.cm-editor.cm-focused').waitFor();
    await shoot(cell, 'editor-focused');
    await exercise.locator('[data-exercise-action="check"]').click();
    await exercise.locator('.exercise-ran').waitFor();
    await shoot(exercise, 'exercise-checked');
    return files;
  }
  return files;
}

const slug = (url: string) => new URL(url).pathname.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home';

const server = values.url ? { url: values.url, stop: () => {} } : await serveDist();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const shots: { group: string; file: string; note?: string }[] = [];

try {
  const finder = await browser.newContext({ baseURL: server.url });
  const chapters = await builtChapters(await finder.newPage(), finder.request);
  await finder.close();
  const pages = [server.url, ...chapters].filter((u) => !values.only || u.includes(values.only));
  console.log(`${pages.length} pages: ${pages.map((u) => new URL(u).pathname).join(' ')}`);

  for (const theme of THEMES)
    for (const width of WIDTHS) {
      // Close-ups at twice the resolution, to zoom into.
      const context = await browser.newContext({
        viewport: { width, height: width > 600 ? 900 : 800 },
        deviceScaleFactor: 2,
        colorScheme: theme,
      });
      await context.addInitScript((t) => localStorage.setItem('theme', t), theme);
      const page = await context.newPage();
      for (const url of pages) {
        await page.goto(url);
        // Cells far from the screen are not drawn (src/styles/render-cost.css): draw them all.
        await page.addStyleTag({ content: '.cell { content-visibility: visible !important; }' });
        await page.evaluate(() => document.fonts.ready);
        const name = `${slug(url)}-${width}-${theme}`;
        // The whole page in pieces a screen and a half tall (one image of a chapter is too
        // tall to look at).
        const { height } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight }));
        const tile = Math.round(page.viewportSize()!.height * 1.5);
        for (let y = 0, n = 1; y < height; y += tile, n++) {
          const file = `${name}-page-${String(n).padStart(2, '0')}.png`;
          const clip = { x: 0, y, width, height: Math.min(tile, height - y) };
          await page.screenshot({ path: join(out, file), fullPage: true, clip, scale: 'css' });
          shots.push({ group: `${slug(url)} ${width} px`, file, note: `${theme}, from ${y} px` });
        }
        for (const [kind, selector] of Object.entries(CLOSE_UPS)) {
          const found = page.locator(selector);
          const count = Math.min(await found.count(), kind === 'header' ? 1 : MAX);
          for (let i = 0; i < count; i++) {
            const el = found.nth(i);
            if (!(await el.isVisible())) continue;
            const file = `${name}-${kind}-${i + 1}.png`;
            await el.scrollIntoViewIfNeeded();
            await el.screenshot({ path: join(out, file) });
            shots.push({ group: `${slug(url)} ${kind} ${i + 1}`, file, note: `${width} px, ${theme}` });
          }
        }
      }
      // What the reader sees while working: focus from the keyboard, the editor, a run, a check.
      const states = await statesOf(page, chapters, `${width}-${theme}`);
      shots.push(...states.map((file) => ({ group: 'states', file, note: `${width} px, ${theme}` })));
      await context.close();
    }

  // The same display formulas drawn by KaTeX alone, at the size the book draws them.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  for (const url of pages.slice(1)) {
    await page.goto(url);
    const formulas = await page.evaluate(
      (max) =>
        [...document.querySelectorAll('.katex-display')].slice(0, max).map((d) => ({
          tex: d.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? '',
          fontSize: getComputedStyle(d).fontSize,
        })),
      MAX,
    );
    await openKatexReference(page);
    for (const [i, f] of formulas.entries()) {
      await page.evaluate((formula) => {
        const katex = (window as unknown as { katex: { render(t: string, e: HTMLElement, o: object): void } })
          .katex;
        document.body.innerHTML = '';
        const div = document.createElement('div');
        div.style.cssText = `font-size:${formula.fontSize};width:max-content;padding:0.25rem 1rem`;
        katex.render(formula.tex, div, { displayMode: true, throwOnError: false });
        document.body.append(div);
        return document.fonts.ready;
      }, f);
      const file = `${slug(url)}-katex-alone-${i + 1}.png`;
      await page.locator('body > div').screenshot({ path: join(out, file) });
      shots.push({ group: `${slug(url)} math ${i + 1}`, file, note: 'KaTeX alone (reference)' });
    }
  }
  await context.close();
} finally {
  await browser.close();
  server.stop();
}

// index.html: each group's shots side by side (a formula in the book beside KaTeX's own).
const groups = Map.groupBy(shots, (s) => s.group);
const html = [...groups]
  .map(
    ([group, list]) =>
      `<section><h2>${group}</h2><div class="row">${list
        .map((s) => `<figure><img src="${s.file}" alt=""><figcaption>${s.note ?? ''}</figcaption></figure>`)
        .join('')}</div></section>`,
  )
  .join('\n');
writeFileSync(
  join(out, 'index.html'),
  `<!doctype html><meta charset="utf-8"><title>Screenshots</title><style>body{font:14px system-ui;margin:1rem}.row{display:flex;gap:1rem;flex-wrap:wrap;align-items:flex-start}img{max-width:640px;border:1px solid #ccc}figure{margin:0}</style>\n${html}`,
);
console.log(`${shots.length} screenshots in ${out} (open index.html)`);
