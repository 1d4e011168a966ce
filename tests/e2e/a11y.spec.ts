/** axe-core finds no accessibility violations on the home page and a chapter, static and with an editor open. */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// One chapter stands for all (axe takes ~10 s per chapter page on this machine).
for (const path of ['/', '/pixelwise-cross-entropy/']) {
  test(`no axe violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  });
}

test('no axe violations with a cell open in the editor and its output rerun', async ({ page }) => {
  await page.goto('/pixelwise-cross-entropy/');
  const cell = page.locator('.cell').first();
  await cell.getByRole('button', { name: 'Edit cell 1' }).click();
  await expect(cell.locator('.cm-content')).toBeFocused();
  await cell.getByRole('button', { name: 'Run cell 1' }).click();
  await expect(cell.locator('.cell-output')).toHaveAttribute('data-ran', 'true');
  const results = await new AxeBuilder({ page }).include('.cell').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
});
