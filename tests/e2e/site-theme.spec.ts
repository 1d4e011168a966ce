/** Light and dark themes: the system setting by default, a toggle whose choice survives reloads. */
import { test, expect, type Page } from '@playwright/test';

const DARK_BG = 'rgb(13, 17, 23)';
const LIGHT_BG = 'rgb(255, 255, 255)';
const bodyBg = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('follows prefers-color-scheme when the reader has not chosen', async ({ browser }) => {
  for (const [scheme, bg] of [
    ['dark', DARK_BG],
    ['light', LIGHT_BG],
  ] as const) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto('/multiclass-cross-entropy/');
    expect(await bodyBg(page)).toBe(bg);
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
      'aria-pressed',
      String(scheme === 'dark'),
    );
    await context.close();
  }
});

test('the toggle switches the theme, and the choice persists across reloads and pages', async ({
  browser,
}) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto('/');
  expect(await bodyBg(page)).toBe(LIGHT_BG);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(await bodyBg(page)).toBe(DARK_BG);
  await page.reload();
  // Applied by the inline script in <head>, before the first paint (no flash of the light theme).
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await bodyBg(page)).toBe(DARK_BG);
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/binary-cross-entropy/');
  expect(await bodyBg(page)).toBe(DARK_BG);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.reload();
  expect(await bodyBg(page)).toBe(LIGHT_BG);
  await context.close();
});

test('the saved theme is applied before any stylesheet or body content', async ({ page }) => {
  await page.goto('/');
  const firstScript = await page.evaluate(() => {
    const head = [...document.head.children];
    const script = head.findIndex(
      (el) => el.tagName === 'SCRIPT' && el.textContent!.includes('localStorage'),
    );
    const style = head.findIndex(
      (el) =>
        (el.tagName === 'LINK' && (el as HTMLLinkElement).rel === 'stylesheet') || el.tagName === 'STYLE',
    );
    return { script, style };
  });
  expect(firstScript.script).toBeGreaterThanOrEqual(0);
  expect(firstScript.script).toBeLessThan(firstScript.style);
});

test('code is highlighted with the dark Shiki theme in dark mode, and math is light on dark', async ({
  browser,
}) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/multiclass-cross-entropy/');
  const colours = await page.evaluate(() => {
    const span = document.querySelector('.cell-code pre.astro-code span[style*="light-dark"]') as HTMLElement;
    const katex = document.querySelector('.katex') as HTMLElement;
    return {
      code: getComputedStyle(span).color,
      math: getComputedStyle(katex).color,
      style: span.getAttribute('style'),
    };
  });
  // light-dark(<light>, <dark>): the computed colour must be the dark one.
  const dark = /light-dark\((#[0-9a-fA-F]+),\s*(#[0-9a-fA-F]+)\)/.exec(colours.style!)![2]!;
  const hex = (rgb: string) =>
    '#' +
    rgb
      .match(/\d+/g)!
      .slice(0, 3)
      .map((n) => Number(n).toString(16).padStart(2, '0'))
      .join('');
  expect(hex(colours.code)).toBe(dark.toLowerCase().slice(0, 7));
  expect(colours.math).toBe('rgb(230, 237, 243)');
  await context.close();
});
