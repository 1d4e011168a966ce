/**
 * Run and Check show that they ran, also when nothing else on the page changes: a second
 * Run of the same code prints the same output, and without a cue the reader cannot tell
 * that anything happened. After every run: a status "Ran · N ms" / "Ran ×2 · N ms" near the
 * output (a polite live region, so screen readers hear it too) and a fresh highlight of the
 * output. The chapter is found on the built site (the first with a cell and an exercise).
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { builtChapters } from './built-chapters.ts';

async function chapterWith(page: Page, request: Parameters<typeof builtChapters>[1], selector: string) {
  for (const url of await builtChapters(page, request)) {
    await page.goto(url);
    if ((await page.locator(selector).count()) > 0) return url;
  }
  throw new Error(`no chapter has ${selector}`);
}

/** The names of the CSS animations running on `el` now. */
const animations = (el: Locator) =>
  el.evaluate((e) =>
    e
      .getAnimations()
      .filter((a) => a.playState === 'running')
      .map((a) => (a as CSSAnimation).animationName),
  );

/** Press `button`, wait for the run to end; the cue's text and the animations on `target`. */
async function press(button: Locator, busy: Locator, cue: Locator, target: Locator) {
  // The highlight of an earlier run is over: a highlight seen now is this run's.
  await expect.poll(() => animations(target)).toEqual([]);
  await button.click();
  await expect(busy).not.toHaveClass(/is-running/);
  await expect(cue).toBeVisible();
  return { text: (await cue.textContent())!, animations: await animations(target) };
}

test('a second Run with the same output still shows that the cell ran', async ({ page, request }) => {
  // Two runs, an edit and a reset: more steps than most cell tests, on a shared machine.
  test.setTimeout(60_000);
  await page.goto(await chapterWith(page, request, '.cell'));
  const cell = page.locator('.cell').first();
  const run = cell.getByRole('button', { name: 'Run cell 1' });
  const output = cell.locator('.cell-output');
  const cue = cell.locator('.cell-ran');
  await expect(run).toBeVisible();
  await expect(cue).toBeHidden();
  await expect(cue).toHaveAttribute('role', 'status');

  const first = await press(run, cell, cue, output);
  const printed = await output.textContent();
  expect(first.text).toMatch(/^Ran · \d+(\.\d)? (ms|s)$/);
  expect(first.animations).toContain('just-ran');

  const second = await press(run, cell, cue, output);
  expect(await output.textContent(), 'the same code prints the same output').toBe(printed);
  expect(second.text).toMatch(/^Ran ×2 · \d+(\.\d)? (ms|s)$/);
  expect(second.animations).toContain('just-ran');

  // Reset puts the lesson's output back: no "ran" status for it.
  await cell.getByRole('button', { name: 'Edit cell 1' }).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' ');
  await cell.getByRole('button', { name: 'Reset cell 1' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset cell 1' }).click();
  await expect(cue).toBeHidden();
});

test('a second Check with the same verdict still shows that the exercise was checked', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  await page.goto(await chapterWith(page, request, '.exercise'));
  const exercise = page.locator('.exercise').first();
  const check = exercise.getByRole('button', { name: 'Check exercise 1' });
  const result = exercise.locator('.exercise-result');
  const cue = exercise.locator('.exercise-ran');
  await expect(check).toBeVisible();
  await expect(cue).toBeHidden();
  await expect(cue).toHaveAttribute('role', 'status');

  const first = await press(check, exercise, cue, result);
  const verdict = await result.textContent();
  expect(first.text).toMatch(/^Checked · \d+(\.\d)? (ms|s)$/);
  expect(first.animations).toContain('just-ran');

  const second = await press(check, exercise, cue, result);
  expect(await result.textContent(), 'the same code gets the same verdict').toBe(verdict);
  expect(second.text).toMatch(/^Checked ×2 · \d+(\.\d)? (ms|s)$/);
  expect(second.animations).toContain('just-ran');
});
