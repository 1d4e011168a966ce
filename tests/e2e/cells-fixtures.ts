/** Helpers for the cell specs: put code into a cell as a reader would, with a short time limit. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export const CHAPTER_1 = '/binary-cross-entropy/';

/**
 * Give a cell a shorter time limit before its first use (the cell reads `data-timeout`
 * once, as a ```ts run timeout=<ms> fence would set it), so hostile programs stop fast.
 */
export async function setTimeLimit(page: Page, cellIndex: number, ms: number): Promise<void> {
  await page.evaluate(
    ([i, t]) =>
      document.querySelectorAll<HTMLElement>('.cell[data-cell]')[i].setAttribute('data-timeout', String(t)),
    [cellIndex, ms] as const,
  );
}

/** Open the cell's editor, replace its code by `code` (inserted as typed text) and leave the caret there. */
export async function replaceCode(page: Page, cell: Locator, code: string): Promise<void> {
  const n = Number(await cell.getAttribute('data-cell')) + 1;
  const edit = cell.getByRole('button', { name: `Edit cell ${n}` });
  const editor = cell.locator('.cm-content');
  // The loader reveals the buttons once it has run.
  await expect(cell.getByRole('button', { name: `Run cell ${n}` })).toBeVisible();
  if (await edit.isVisible()) await edit.click();
  else await editor.click();
  await expect(editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
}

/** Click Run and wait for the output of this run. */
export async function runCell(cell: Locator): Promise<Locator> {
  const n = Number(await cell.getAttribute('data-cell')) + 1;
  const output = cell.locator('.cell-output');
  await output.evaluate((el) => el.removeAttribute('data-ran'));
  await cell.getByRole('button', { name: `Run cell ${n}` }).click();
  await expect(output).toHaveAttribute('data-ran', 'true');
  await expect(cell).not.toHaveClass(/is-running/);
  return output;
}
