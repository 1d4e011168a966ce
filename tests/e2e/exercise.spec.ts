/**
 * A learner solves the softmax exercise of chapter 2: runs the starter, reads what is
 * wrong, tries a naive softmax, reads why it fails on large logits, asks for hints one
 * at a time, fixes the code and sees every check pass.
 */
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const CHAPTER_2 = '/multiclass-cross-entropy/';

/** Replace the whole editor content by typing, as a learner would (select all, type). */
async function typeCode(page: Page, exercise: Locator, code: string) {
  const editor = exercise.locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  // CodeMirror auto-indents after a newline: type line by line from column 0.
  for (const [i, line] of code.split('\n').entries()) {
    if (i > 0) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Delete');
    }
    await page.keyboard.insertText(line);
  }
}

test('a learner gets the softmax exercise wrong, then right, reading the feedback', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(CHAPTER_2);
  const exercise = page
    .getByRole('group', { name: 'Exercise 1' })
    .or(page.locator('.exercise').first())
    .first();
  const checks = exercise.locator('.exercise-checks li');
  await expect(checks).toHaveCount(4);
  await expect(checks.first()).toContainText('keeps the shape (N, C)');
  await expect(exercise.locator('.exercise-summary')).toHaveText(
    'Edit the code, then press Check. The checks:',
  );

  // 1. Check the starter as it is.
  await exercise.getByRole('button', { name: 'Check exercise 1' }).click();
  await expect(exercise.locator('.exercise-summary')).toHaveText(
    '1 of 4 checks pass. Not there yet: read the messages below.',
  );
  await expect(checks.nth(1)).toHaveAttribute('data-state', 'failed');
  await expect(checks.nth(1)).toContainText(
    'your softmax does not sum to 1 along dim 1: got 9.406 at [0, :]',
  );

  // 2. A naive softmax: right on ordinary logits, wrong on large ones.
  await exercise.getByRole('button', { name: 'Edit exercise 1' }).click();
  await typeCode(
    page,
    exercise,
    'function mySoftmax(z: Tensor): Tensor {\nconst e = z.exp();\nreturn e.div(e.sum(1, true));\n}',
  );
  await exercise.getByRole('button', { name: 'Check exercise 1' }).click();
  await expect(exercise.locator('.exercise-summary')).toHaveText(
    '3 of 4 checks pass. Not there yet: read the messages below.',
  );
  await expect(checks.nth(3)).toHaveAttribute('data-state', 'failed');
  await expect(checks.nth(3)).toContainText(
    'your softmax of large logits has NaN at [0, 0]; expected 0.09003',
  );

  // 3. Hints, one at a time.
  const hints = exercise.locator('.exercise-hints li');
  await expect(hints.first()).toBeHidden();
  await exercise.getByRole('button', { name: 'Show a hint (3)' }).click();
  await expect(hints.nth(0)).toBeVisible();
  await expect(hints.nth(1)).toBeHidden();
  await exercise.getByRole('button', { name: 'Show the next hint (2 of 3)' }).click();
  await expect(hints.nth(1)).toContainText('subtract the row');

  // 4. The stable softmax passes.
  await typeCode(
    page,
    exercise,
    'function mySoftmax(z: Tensor): Tensor {\nconst e = z.sub(z.max(1, true).values).exp();\nreturn e.div(e.sum(1, true));\n}',
  );
  await page.keyboard.press('Control+Enter');
  await expect(exercise.locator('.exercise-summary')).toHaveText('All 4 checks pass. Well done!');
  await expect(exercise.locator('.exercise-checks li[data-state="passed"]')).toHaveCount(4);
  await expect(exercise).toHaveAttribute('data-state', 'passed');
  expect(errors).toEqual([]);
});

test('without JavaScript an exercise lists its checks and does not ask for a Check button', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(CHAPTER_2);
  const exercise = page.locator('.exercise').first();
  await expect(exercise.locator('.exercise-summary')).toHaveText('The checks:', { useInnerText: true });
  await expect(exercise.getByRole('button', { name: 'Check exercise 1' })).toHaveCount(0);
  await expect(exercise.locator('.exercise-checks li')).toHaveCount(4);
  await context.close();
});

test('the solution can be revealed and put in the editor, and it passes', async ({ page }) => {
  await page.goto('/pixelwise-cross-entropy/');
  const exercise = page.locator('.exercise').first();
  await exercise.getByText('Show the solution').click();
  await expect(exercise.locator('.exercise-solution pre')).toContainText('Math.log(sumExp)');
  await exercise.getByRole('button', { name: 'Put the solution in the editor' }).click();
  await exercise.getByRole('button', { name: 'Check exercise 1' }).click();
  await expect(exercise.locator('.cm-content')).toContainText('Math.log(sumExp)');
  await expect(exercise.getByRole('button', { name: 'Reset exercise 1' })).toBeVisible();
  await expect(exercise.locator('.exercise-summary')).toHaveText('All 2 checks pass. Well done!');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no axe violations in an exercise with feedback, a hint and the solution shown (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(CHAPTER_2);
    const exercise = page.locator('.exercise').first();
    await exercise.getByRole('button', { name: 'Check exercise 1' }).click();
    await expect(exercise.locator('.exercise-checks li[data-state="failed"]').first()).toBeVisible();
    await exercise.getByRole('button', { name: 'Show a hint (3)' }).click();
    await exercise.getByText('Show the solution').click();
    const results = await new AxeBuilder({ page }).include('.exercise').analyze();
    expect(
      results.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
    ).toEqual([]);
  });
}
