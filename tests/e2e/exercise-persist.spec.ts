/**
 * No lost work in an exercise either: the reader's code is saved as typed and is back
 * after a reload; Reset and "Put the solution in the editor" ask before replacing it;
 * code saved against an older starter is restored with a note, not dropped.
 */
import { test, expect, type Page } from '@playwright/test';
import { editKey, exerciseSlot } from '../../src/cells/persist.ts';

const CHAPTER_2 = '/multiclass-cross-entropy/';
const MINE = 'function mySoftmax(z: Tensor): Tensor { return z; } // my attempt';

async function typeOver(page: Page, editor: ReturnType<Page['locator']>, code: string) {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
}

test('exercise code survives a reload; Reset and the solution ask before replacing it', async ({ page }) => {
  await page.goto(CHAPTER_2);
  const exercise = page.locator('.exercise').first();
  const editor = exercise.locator('.cm-content');
  await exercise.getByRole('button', { name: 'Edit exercise 1' }).click();
  await typeOver(page, editor, MINE);

  await page.reload();
  await expect(editor).toHaveText(MINE);
  await expect(exercise.getByRole('button', { name: 'Reset exercise 1' })).toBeVisible();

  // Reset asks; Cancel keeps the code, and so does a reload after it.
  await exercise.getByRole('button', { name: 'Reset exercise 1' }).click();
  const resetDialog = page.getByRole('dialog', { name: 'Reset exercise 1?' });
  await resetDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor).toHaveText(MINE);

  // The solution asks too; Cancel keeps the code.
  await exercise.locator('details.exercise-solution > summary').click();
  await exercise.getByRole('button', { name: 'Put the solution in the editor' }).click();
  const solutionDialog = page.getByRole('dialog', { name: 'Replace your code for exercise 1?' });
  await solutionDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor).toHaveText(MINE);

  // Check it, then Reset, confirmed: the starter is back with no verdict on the code that
  // is gone, and it stays back after a reload.
  const summary = exercise.locator('.exercise-summary');
  const blank = (await summary.textContent())!;
  await exercise.getByRole('button', { name: 'Check exercise 1' }).click();
  await expect(summary).toContainText('checks pass');
  await exercise.getByRole('button', { name: 'Reset exercise 1' }).click();
  await resetDialog.getByRole('button', { name: 'Reset exercise 1' }).click();
  await expect(editor).not.toHaveText(MINE);
  await expect(summary).toHaveText(blank);
  await expect(exercise.locator('.exercise-checks li[data-state="pending"]')).toHaveCount(4);
  await expect(exercise).not.toHaveAttribute('data-state');
  await expect(exercise.getByRole('button', { name: 'Reset exercise 1' })).toBeHidden();
  await page.reload();
  await expect(exercise.locator('.cm-content')).toHaveCount(0);
  expect(
    await page.evaluate((key) => localStorage.getItem(key), editKey(CHAPTER_2, exerciseSlot(0))),
  ).toBeNull();
});

test('exercise code saved against an older starter comes back, with a note', async ({ page }) => {
  await page.goto(CHAPTER_2);
  await page.evaluate(
    ([key, code]) => localStorage.setItem(key, JSON.stringify({ base: '00000000', code })),
    [editKey(CHAPTER_2, exerciseSlot(0)), MINE] as const,
  );
  await page.reload();
  const exercise = page.locator('.exercise').first();
  await expect(exercise.locator('.cm-content')).toHaveText(MINE);
  await expect(exercise.locator('.exercise-problems')).toContainText(
    "The exercise's starter code has changed since: Reset shows the new one.",
  );
});
