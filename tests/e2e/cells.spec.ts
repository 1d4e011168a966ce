/**
 * The reader's path through a chapter in Chromium, against the built site
 * (`npm run build && astro preview`, see playwright.config.ts).
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readChapterCells } from '../../src/cells/chapter-cells.ts';
import { runCellsNode } from '../../src/cells/run-node.ts';

const CHAPTER_3 = '/pixelwise-cross-entropy/';
const chapterCells = (id: string) =>
  readChapterCells(readFileSync(new URL(`../../content/${id}.mdx`, import.meta.url), 'utf8'));

/** Put the caret on (line, column) of a cell's editor (both 0-based) using the keyboard only. */
async function moveCaret(page: Page, line: number, column: number) {
  // From the document start, ArrowDown keeps column 0 (Home would stop after indentation).
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < line; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < column; i++) await page.keyboard.press('ArrowRight');
}

test('chapter 3 shows the worked example output pre-rendered (no JavaScript needed)', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(CHAPTER_3);
  await expect(page.locator('.cell-output').filter({ hasText: 'tensor(0.9862' }).first()).toBeVisible();
  await context.close();
});

test('a reader edits a number in a cell, runs it, and sees the new output', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(CHAPTER_3);
  const cell = page.locator('.cell').first();
  const output = cell.locator('.cell-output');
  const before = await output.textContent();

  // Change the first decimal number of the cell's source to 5.5, typing in the editor.
  const source = (await cell.getAttribute('data-source'))!;
  const match = /\d+\.\d+/.exec(source)!;
  const lines = source.slice(0, match.index).split('\n');
  const edited = source.slice(0, match.index) + '5.5' + source.slice(match.index + match[0].length);
  const [expected] = await runCellsNode([{ code: edited, throws: false, timeout: 5000 }]);
  expect(expected.text).not.toBe(before);

  await cell.getByRole('button', { name: 'Edit cell 1' }).click();
  const editor = cell.locator('.cm-content');
  await expect(editor).toBeFocused();
  await moveCaret(page, lines.length - 1, lines.at(-1)!.length);
  for (let i = 0; i < match[0].length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type('5.5');
  await expect(cell.getByRole('button', { name: 'Reset cell 1' })).toBeVisible();

  await page.keyboard.press('Control+Enter');
  await expect(output).toHaveAttribute('data-ran', 'true');
  await expect(output).toHaveText(expected.text);
  await expect(output).toContainText('5.5000');
  expect(errors).toEqual([]);
});

test('with JavaScript disabled a chapter shows KaTeX math, highlighted code and outputs', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/binary-cross-entropy/');
  await expect(page.locator('.katex-display .katex-html').first()).toBeVisible();
  await expect(page.locator('.katex').first()).toBeVisible();
  // Shiki: a cell's code is coloured token by token.
  const firstCell = page.locator('.cell').first();
  await expect(firstCell.locator('pre.astro-code span[style*="color"]').first()).toBeVisible();
  await expect(firstCell.locator('.cell-output')).toBeVisible();
  await expect(firstCell.locator('.cell-output')).toHaveText(
    chapterCells('binary-cross-entropy')[0].output!.text,
  );
  // Buttons that need JavaScript stay hidden, and the hint above the chapter says so.
  await expect(firstCell.getByRole('button')).toHaveCount(0);
  await expect(page.locator('.cells-hint')).toContainText(
    'Each code cell shows what its code prints. With JavaScript on, the cells are live',
  );
  // The KaTeX stylesheet and its fonts are served by the site itself.
  const css = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  const cssText = await (await page.request.get(css!)).text();
  expect(cssText).toContain('.katex');
  const font = /url\(([^)]+KaTeX_Main-Regular[^)]+\.woff2)\)/.exec(cssText)?.[1];
  expect(font).toBeTruthy();
  expect(
    (await page.request.get(new URL(font!, page.url().replace(/[^/]*$/, '') + css!.slice(1)).href)).ok(),
  ).toBe(true);
  await context.close();
});

test('an infinite loop is stopped after the time limit and the page stays usable', async ({ page }) => {
  test.setTimeout(45_000);
  await page.goto('/binary-cross-entropy/');
  const cells = page.locator('.cell');
  const count = await cells.count();
  const last = cells.nth(count - 1);
  const first = cells.first();

  await last.getByRole('button', { name: /^Edit cell/ }).click();
  await expect(last.locator('.cm-content')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('console.log("spinning");\nwhile (true) {}');
  await last.getByRole('button', { name: /^Run cell/ }).click();
  await expect(last).toHaveClass(/is-running/);
  // The page stays responsive while the worker spins: the editor still takes keys.
  await page.keyboard.type(' ');
  await expect(last.locator('.cell-output')).toHaveText('spinning\nStopped after 5 s (time limit)', {
    timeout: 15_000,
  });

  // Another cell runs fine afterwards (in a fresh worker).
  await first.getByRole('button', { name: 'Run cell 1' }).click();
  await expect(first.locator('.cell-output')).toHaveAttribute('data-ran', 'true');
  await expect(first.locator('.cell-output')).toHaveText(
    chapterCells('binary-cross-entropy')[0].output!.text,
  );
});
