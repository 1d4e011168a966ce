/**
 * Hostile and broken programs in a cell: each ends with a clear message in the cell,
 * the page stays responsive and the next Run works. Against the built site; the cell's
 * time limit is shortened (as a `timeout=<ms>` fence flag would) to keep the tests fast.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { readChapterCells } from '../../src/cells/chapter-cells.ts';
import { CHAPTER_1, replaceCode, runCell, setTimeLimit } from './cells-fixtures.ts';

const lessonOutput = readChapterCells(
  readFileSync(new URL('../../content/binary-cross-entropy.mdx', import.meta.url), 'utf8'),
)[0].output!.text;

/** Open chapter 1 with cell 1 limited to `ms`, collecting page errors. */
async function open(page: Page, ms = 800): Promise<{ cell: Locator; errors: string[] }> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(CHAPTER_1);
  await setTimeLimit(page, 0, ms);
  return { cell: page.locator('.cell').first(), errors };
}

/** The cell still runs ordinary code afterwards: put the lesson's code back by typing, run it. */
async function expectNextRunWorks(page: Page, cell: Locator): Promise<void> {
  const source = (await cell.getAttribute('data-source'))!;
  await replaceCode(page, cell, source);
  const output = await runCell(cell);
  await expect(output).toHaveText(lessonOutput);
  await expect(output).toHaveAttribute('data-status', 'ok');
}

test('an infinite loop is stopped by the cell’s time limit; the page keeps responding', async ({ page }) => {
  const { cell, errors } = await open(page, 600);
  await replaceCode(page, cell, 'console.log("spinning");\nwhile (true) {}');
  await cell.getByRole('button', { name: 'Run cell 1' }).click();
  // The main thread is free while the worker spins: the editor still takes keys.
  await page.keyboard.insertText(' ');
  await expect(cell.locator('.cell-output')).toHaveText('spinning\nStopped after 0.6 s (time limit)');
  await expect(cell.locator('.cell-output')).toHaveAttribute('data-status', 'stopped');
  await expectNextRunWorks(page, cell);
  expect(errors).toEqual([]);
});

test('an awaited promise that never settles is stopped, and the message says so', async ({ page }) => {
  const { cell } = await open(page, 500);
  await replaceCode(
    page,
    cell,
    'console.log("waiting");\nawait new Promise(() => {});\nconsole.log("never");',
  );
  const output = await runCell(cell);
  await expect(output).toHaveText(
    'waiting\nStopped after 0.5 s (time limit): still waiting for a promise that never settled',
  );
  await expectNextRunWorks(page, cell);
});

test('a loop that allocates without bound is stopped; the page survives and the next Run works', async ({
  page,
}) => {
  const { cell, errors } = await open(page, 1500);
  await replaceCode(
    page,
    cell,
    'const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(1e6).fill(1.5));',
  );
  const output = await runCell(cell);
  await expect(output).toHaveText(
    /^(Stopped after 1\.5 s \(time limit\)|Stopped: the cell runner crashed.*memory.*)$/s,
  );
  // The page itself is alive and scriptable.
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  await expectNextRunWorks(page, cell);
  expect(errors).toEqual([]);
});

test('a million console.log calls are capped in the worker: 1,000 lines and "output truncated"', async ({
  page,
}) => {
  const { cell } = await open(page, 5000);
  await replaceCode(page, cell, 'for (let i = 0; i < 1_000_000; i++) console.log("line", i);');
  const output = await runCell(cell);
  const text = (await output.textContent())!;
  const lines = text.split('\n');
  expect(lines).toHaveLength(1001);
  expect(lines[0]).toBe('line 0');
  expect(lines[999]).toBe('line 999');
  expect(lines[1000]).toBe(
    '… output truncated: 999000 more line(s) not shown (a cell shows at most 1000 lines / 100 KB)',
  );
  await expectNextRunWorks(page, cell);
});

test('a syntax error names the line and column in the TypeScript the reader sees', async ({ page }) => {
  const { cell } = await open(page);
  await replaceCode(page, cell, 'const n: number = 1;\nconst m = (n + ;\nconsole.log(m);');
  const output = await runCell(cell);
  await expect(output).toHaveText('Error (line 2, column 16): SyntaxError: Unexpected token');
  await expect(output).toHaveAttribute('data-status', 'error');
  await expectNextRunWorks(page, cell);
});

test('a thrown error and a rejected promise are reported with their line in the cell', async ({ page }) => {
  const { cell } = await open(page);
  await replaceCode(page, cell, 'console.log("before");\nthrow new RangeError("too far");');
  await expect(await runCell(cell)).toHaveText('before\nError (line 2): RangeError: too far');

  await replaceCode(
    page,
    cell,
    'const fail = async (): Promise<number> => {\n  throw new Error("no data");\n};\nawait fail();',
  );
  await expect(await runCell(cell)).toHaveText('Error (line 2): no data');

  await replaceCode(
    page,
    cell,
    'console.log(1);\nPromise.reject(new Error("nobody waits"));\nconsole.log(2);',
  );
  await expect(await runCell(cell)).toHaveText('1\n2\nError (line 2): Uncaught (in promise) nobody waits');
  await expectNextRunWorks(page, cell);
});

test('printed HTML is shown as text and runs nothing', async ({ page }) => {
  const { cell } = await open(page);
  const xss = '<img src=x onerror="window.__xss = 1"><script>window.__xss = 2</script>';
  await replaceCode(page, cell, `console.log(${JSON.stringify(xss)});`);
  const output = await runCell(cell);
  await expect(output).toHaveText(xss);
  await expect(output.locator('img, script')).toHaveCount(0);
  await page.waitForTimeout(100); // give an injected onerror the chance to fire
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('reader code cannot reach the page’s DOM, cookies or storage', async ({ page }) => {
  const { cell } = await open(page);
  await page.evaluate(() => {
    document.cookie = 'secret=page-cookie; path=/';
    localStorage.setItem('secret', 'page-storage');
  });
  const probe = [
    'const tries: [string, () => unknown][] = [',
    '  ["origin", () => self.origin],',
    '  ["document", () => typeof document],',
    '  ["parent", () => typeof parent],',
    '  ["cookie", () => (globalThis as any).document.cookie],',
    '  ["read storage", () => localStorage.getItem("secret")],',
    '  ["write storage", () => localStorage.setItem("secret", "stolen")],',
    '  ["indexedDB", () => indexedDB.open("x") && "opened"],',
    '];',
    'for (const [name, attempt] of tries) {',
    '  try { console.log(name, String(attempt())); } catch (e) { console.log(name, "blocked:", (e as Error).name); }',
    '}',
  ].join('\n');
  await replaceCode(page, cell, probe);
  const output = await runCell(cell);
  const lines = (await output.textContent())!.split('\n');
  expect(lines[0]).toBe('origin null'); // an opaque origin: not the page's
  expect(lines[1]).toBe('document undefined');
  expect(lines[2]).toBe('parent undefined');
  expect(lines[3]).toMatch(/^cookie blocked: TypeError$/);
  expect(lines[4]).toMatch(/^read storage blocked: ReferenceError$/);
  expect(lines[5]).toMatch(/^write storage blocked: ReferenceError$/);
  expect(lines[6]).toMatch(/^indexedDB blocked: SecurityError$/);
  // The page's own cookie and storage are untouched.
  expect(await page.evaluate(() => [document.cookie, localStorage.getItem('secret')])).toEqual([
    'secret=page-cookie',
    'page-storage',
  ]);
});

test('a cell and an exercise share one sandbox; a run cut short when the other hits its time limit says so at once', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/multiclass-cross-entropy/');
  const cell = page.locator('.cell').first();
  const exercise = page.locator('.exercise').first();
  await setTimeLimit(page, 0, 20_000);
  await exercise.evaluate((el) => el.setAttribute('data-timeout', '1000'));

  await replaceCode(page, cell, 'console.log("waiting");\nawait new Promise(() => {});');
  await exercise.getByRole('button', { name: 'Edit exercise 1' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('while (true) {}');

  // The cell waits (its limit is 20 s) while the exercise spins into its 1 s limit.
  await cell.getByRole('button', { name: 'Run cell 1' }).click();
  await expect(cell).toHaveClass(/is-running/);
  await exercise.getByRole('button', { name: 'Check exercise 1' }).click();
  await expect(exercise.locator('.exercise-problems')).toContainText(
    'Your code was stopped after 1 s: is there a loop that never ends?',
  );
  expect(await page.locator('iframe.cell-sandbox').count()).toBeLessThanOrEqual(1);

  // The cell's run lost its runner with the sandbox: it says so now, not in 20 s.
  const output = cell.locator('.cell-output');
  await expect(output).toHaveText(
    /^Interrupted: another run on this page was stopped.*Run this cell again\.$/,
    { timeout: 5_000 },
  );
  await expect(output).toHaveAttribute('data-status', 'error');
  await expect(cell).not.toHaveClass(/is-running/);

  // Both run again on the fresh sandbox.
  await replaceCode(page, cell, 'console.log(6 * 7);');
  await expect(await runCell(cell)).toHaveText('42');
  await exercise.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(
    'function mySoftmax(z: Tensor): Tensor { const e = z.sub(z.max(1, true).values).exp(); return e.div(e.sum(1, true)); }',
  );
  await exercise.getByRole('button', { name: 'Check exercise 1' }).click();
  await expect(exercise.locator('.exercise-summary')).toHaveText('All 4 checks pass. Well done!');
  expect(errors).toEqual([]);
});

test('a run never inherits what an earlier run left in its worker: a spinning timer, a changed global', async ({
  page,
}) => {
  await page.goto('/multiclass-cross-entropy/');
  const cell = page.locator('.cell').first();
  const exercise = page.locator('.exercise').first();
  await replaceCode(
    page,
    cell,
    [
      'const g = globalThis as any;',
      'g.runs = (g.runs ?? 0) + 1;',
      'console.log("run", g.runs);',
      'JSON.stringify = () => "{}";',
      'setTimeout(() => { while (true) {} }, 300);',
    ].join('\n'),
  );
  await expect(await runCell(cell)).toHaveText('run 1');
  // Long enough for the timer to fire, and spin, had the worker been kept.
  await page.waitForTimeout(1000);
  await expect(await runCell(cell)).toHaveText('run 1');
  await exercise.getByRole('button', { name: 'Edit exercise 1' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(
    'function mySoftmax(z: Tensor): Tensor { const e = z.sub(z.max(1, true).values).exp(); return e.div(e.sum(1, true)); }',
  );
  await exercise.getByRole('button', { name: 'Check exercise 1' }).click();
  await expect(exercise.locator('.exercise-summary')).toHaveText('All 4 checks pass. Well done!', {
    timeout: 5_000,
  });
});

test('an error thrown in a timer callback is reported in its cell with its line, and nothing else is interrupted', async ({
  page,
}) => {
  const { cell } = await open(page, 5000);
  await replaceCode(
    page,
    cell,
    'console.log("before");\nsetTimeout(() => {\n  throw new Error("boom");\n}, 0);',
  );
  const output = await runCell(cell);
  await expect(output).toHaveText('before\nError (line 3): Uncaught boom');
  await expect(output).toHaveAttribute('data-status', 'error');
  await expectNextRunWorks(page, cell);
});
