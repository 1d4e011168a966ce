/** axe-core finds no accessibility violations in cells: editor open, rerun, edited, shared, failed, Reset dialog. */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { shareFragment } from '../../src/cells/share.ts';

// Every chapter page, static, in both themes: tests/e2e/site-a11y.spec.ts. Here: cells in their states.
test('no axe violations with a cell open in the editor and its output rerun', async ({ page }) => {
  await page.goto('/pixelwise-cross-entropy/');
  const cell = page.locator('.cell').first();
  await cell.getByRole('button', { name: 'Edit cell 1' }).click();
  await expect(cell.locator('.cm-content')).toBeFocused();
  await cell.getByRole('button', { name: 'Run cell 1' }).click();
  await expect(cell.locator('.cell-output')).toHaveAttribute('data-ran', 'true');
  const results = await new AxeBuilder({ page }).include('.cell').analyze();
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

test('no axe violations with cells edited, shared, failed and the Reset dialog open', async ({ page }) => {
  await page.goto(
    '/binary-cross-entropy/' + shareFragment(1, 'console.log("shared");\nthrow new Error("boom");'),
  );
  const shared = page.locator('.cell').nth(1);
  await expect(shared.locator('[data-badge]')).toHaveText('shared');
  await shared.getByRole('button', { name: 'Run cell 2' }).click();
  await expect(shared.locator('.cell-output')).toHaveAttribute('data-status', 'error');
  const first = page.locator('.cell').first();
  await first.getByRole('button', { name: 'Edit cell 1' }).click();
  await page.keyboard.insertText('// mine\n');
  await expect(first.locator('[data-badge]')).toHaveText('edited');
  let results = await new AxeBuilder({ page }).include('.cell').analyze();
  expect(
    results.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
  await first.getByRole('button', { name: 'Reset cell 1' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  results = await new AxeBuilder({ page }).analyze();
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
