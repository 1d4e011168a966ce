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

/** A cell's Run and an exercise's Check: the same cue, the same test. */
const CASES = [
  {
    what: 'a cell',
    host: '.cell',
    button: 'Run cell 1',
    target: '.cell-output',
    cue: '.cell-ran',
    verb: 'Ran',
  },
  {
    what: 'an exercise',
    host: '.exercise',
    button: 'Check exercise 1',
    target: '.exercise-result',
    cue: '.exercise-ran',
    verb: 'Checked',
  },
];

for (const c of CASES) {
  test(`${c.what}: a second ${c.verb === 'Ran' ? 'Run' : 'Check'} with the same output still shows that it ran`, async ({
    page,
    request,
  }) => {
    // Two runs (and for a cell an edit and a reset): more steps than most, on a shared machine.
    test.setTimeout(60_000);
    await page.goto(await chapterWith(page, request, c.host));
    const host = page.locator(c.host).first();
    const button = host.getByRole('button', { name: c.button });
    const target = host.locator(c.target);
    const cue = host.locator(c.cue);
    await expect(button).toBeVisible();
    await expect(cue).toBeHidden();
    await expect(cue).toHaveAttribute('role', 'status');

    const first = await press(button, host, cue, target);
    const shown = await target.textContent();
    expect(first.text).toMatch(new RegExp(`^${c.verb} · \\d+(\\.\\d)? (ms|s)$`));
    expect(first.animations).toContain('just-ran');

    const second = await press(button, host, cue, target);
    expect(await target.textContent(), 'the same code shows the same result').toBe(shown);
    expect(second.text).toMatch(new RegExp(`^${c.verb} ×2 · \\d+(\\.\\d)? (ms|s)$`));
    expect(second.animations).toContain('just-ran');

    if (c.host !== '.cell') return;
    // Reset puts the lesson's output back: no "ran" status for it.
    await host.getByRole('button', { name: 'Edit cell 1' }).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' ');
    await host.getByRole('button', { name: 'Reset cell 1' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset cell 1' }).click();
    await expect(cue).toBeHidden();
  });
}
