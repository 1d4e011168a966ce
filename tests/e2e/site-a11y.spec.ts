/** axe-core finds no violations on the home page, every chapter, the cheat sheet and the 404 page, in both themes. */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { chapterPaths, describeViolations } from './site-helpers.ts';

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const path of ['/', ...chapterPaths(), '/from-pytorch/', '/404.html']) {
      test(`no axe violations on ${path}`, async ({ page }) => {
        await page.goto(path);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          theme === 'dark',
        );
        const results = await new AxeBuilder({ page }).analyze();
        expect(describeViolations(results.violations)).toEqual([]);
      });
    }
  });
}

test('no axe violations in the open search dialog with results, dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('softmax');
  await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include('.search-dialog').analyze();
  expect(describeViolations(results.violations)).toEqual([]);
});
