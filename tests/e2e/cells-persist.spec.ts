/**
 * No lost work: edits survive a reload (with an "edited" badge), Reset asks first, a
 * stale edit is offered rather than restored, share links load code without running
 * it, Copy copies, and the keyboard alone can edit, run and leave a cell.
 */
import { test, expect } from '@playwright/test';
import { CHAPTER_1, replaceCode, runCell } from './cells-fixtures.ts';
import { editKey, hashCode } from '../../src/cells/persist.ts';
import { shareFragment } from '../../src/cells/share.ts';

const EDIT = 'console.log("my own edit", 6 * 7);';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('an edit is saved as typed and restored after a reload, marked "edited"; Reset asks, then restores the lesson', async ({
  page,
}) => {
  await page.goto(CHAPTER_1);
  const cell = page.locator('.cell').first();
  const lesson = (await cell.getAttribute('data-source'))!;
  const lessonOutput = (await cell.locator('.cell-output').textContent())!;
  await replaceCode(page, cell, EDIT);
  await expect(cell.locator('[data-badge]')).toHaveText('edited');

  await page.reload();
  await expect(cell.locator('.cm-content')).toHaveText(EDIT);
  await expect(cell.locator('[data-badge]')).toBeVisible();
  await expect(cell.locator('[data-badge]')).toHaveText('edited');
  await expect(await runCell(cell)).toHaveText('my own edit 42');

  // Reset asks first; Cancel keeps the edit.
  await cell.getByRole('button', { name: 'Reset cell 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset cell 1?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(cell.locator('.cm-content')).toHaveText(EDIT);

  await cell.getByRole('button', { name: 'Reset cell 1' }).click();
  await dialog.getByRole('button', { name: 'Reset cell 1' }).click();
  await expect(cell.locator('.cm-content')).toHaveText(lesson.replace(/\n/g, ''));
  // The output of the reader's run went with their code: the lesson's output is back.
  await expect(cell.locator('.cell-output')).toHaveText(lessonOutput);
  await expect(cell.locator('.cell-output')).not.toHaveAttribute('data-ran');
  await expect(cell.locator('[data-badge]')).toBeHidden();
  await expect(cell.getByRole('button', { name: 'Reset cell 1' })).toBeHidden();
  await page.reload();
  await expect(cell.locator('[data-badge]')).toBeHidden();
  await expect(cell.locator('pre.astro-code')).toBeVisible();
});

test('an edit made to an older version of the lesson is not restored silently: the reader is asked', async ({
  page,
}) => {
  await page.goto(CHAPTER_1);
  const cell = page.locator('.cell').first();
  const lesson = (await cell.getAttribute('data-source'))!;
  const key = editKey(new URL(page.url()).pathname, 0);
  await page.evaluate(
    ([k, v]) => localStorage.setItem(k, v),
    [key, JSON.stringify({ base: hashCode(lesson + ' older'), code: EDIT })],
  );
  await page.reload();
  const note = cell.locator('.cell-note');
  await expect(note).toContainText('has changed since, so your edit was not restored');
  await expect(cell.locator('pre.astro-code')).toBeVisible();
  await note.getByRole('button', { name: 'Restore my edit' }).click();
  await expect(cell.locator('.cm-content')).toHaveText(EDIT);
  await expect(cell.locator('[data-badge]')).toHaveText('edited');
  // Now saved against the current lesson: a reload restores it without asking.
  await page.reload();
  await expect(cell.locator('.cm-content')).toHaveText(EDIT);
  await expect(note).toBeHidden();
});

test('a share link loads the code into its cell, marked "shared", and does not run it', async ({ page }) => {
  const code = 'console.log("from a link");';
  await page.goto(CHAPTER_1 + shareFragment(1, code));
  const cell = page.locator('.cell').nth(1);
  await expect(cell.locator('.cm-content')).toHaveText(code);
  await expect(cell.locator('[data-badge]')).toHaveText('shared');
  await expect(cell.locator('.cell-note')).toContainText('It has not been run');
  // Nothing ran: the output is still the one built into the page.
  const output = cell.locator('.cell-output');
  await expect(output).not.toHaveAttribute('data-ran');
  await expect(output).not.toContainText('from a link');
  expect(await page.locator('iframe.cell-sandbox').count()).toBe(0);
  await expect(await runCell(cell)).toHaveText('from a link');
});

test('Share copies a link that opens the same code; Copy copies the code', async ({ page, context }) => {
  await page.goto(CHAPTER_1);
  const cell = page.locator('.cell').first();
  await replaceCode(page, cell, EDIT);
  await cell.getByRole('button', { name: 'Copy code of cell 1' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(EDIT);
  await cell.getByRole('button', { name: 'Share cell 1' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('#cell-1=');
  const link = await page.evaluate(() => navigator.clipboard.readText());

  const other = await context.newPage();
  await other.goto(link);
  const shared = other.locator('.cell').first();
  await expect(shared.locator('.cm-content')).toHaveText(EDIT);
  await expect(shared.locator('[data-badge]')).toHaveText('shared');
  await expect(shared.locator('.cell-output')).not.toHaveAttribute('data-ran');
});

test('keyboard only: open the editor, type, run with Ctrl+Enter, leave with Escape, run again with Enter', async ({
  page,
}) => {
  await page.goto(CHAPTER_1);
  const cell = page.locator('.cell').first();
  // Tab from the top of the page to the first cell's Edit button.
  const edit = cell.getByRole('button', { name: 'Edit cell 1' });
  for (let i = 0; i < 60 && !(await edit.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(edit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cell.locator('.cm-content')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('console.log("typed", 1 + 1);');
  await page.keyboard.press('Control+Enter');
  const output = cell.locator('.cell-output');
  await expect(output).toHaveText('typed 2');
  // Tab moves focus on (it does not indent): the editor never traps focus.
  await page.keyboard.press('Tab');
  await expect(cell.locator('.cm-content')).not.toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(cell.locator('.cm-content')).toBeFocused();
  // Escape leaves the editor for the cell's Run button.
  await page.keyboard.press('Escape');
  const run = cell.getByRole('button', { name: 'Run cell 1' });
  await expect(run).toBeFocused();
  await output.evaluate((el) => (el.textContent = ''));
  await page.keyboard.press('Enter');
  await expect(output).toHaveText('typed 2');
});
