/**
 * Figures and explorables in the browser, on the guide page that shows each component
 * (/writing-figures/, src/guide/figures.mdx), not on a chapter of content/:
 * - without JavaScript every figure is in the page as an SVG image with its name, its
 *   textual form and its numbers, and the controls show the first state;
 * - with JavaScript, moving an explorable by keyboard changes its numbers to what the loss
 *   module computes for that state (computed here, in Node, by the same module);
 * - the pointer moves them too; "Open as code" runs the state's code; nothing moves when a
 *   figure goes live; axe finds nothing in either theme.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  logSoftmax,
  sigmoid,
  softmax,
  tensor,
} from '../../src/loss/index.ts';
import { streetScene } from '../../src/figures/scenes/street-scene.ts';
import { describeViolations } from './site-helpers.ts';

const PAGE = '/writing-figures/';
const f32 = { dtype: 'float32' } as const;

/** The explorable named `name` on the page, scrolled into view and live. */
async function live(page: Page, name: string): Promise<Locator> {
  const ex = page.locator(`.explorable[data-explorable="${name}"]`);
  await ex.scrollIntoViewIfNeeded();
  await expect(ex).toHaveClass(/is-live/);
  return ex;
}

/** The explorable's numbers: its readout, label → value (the minus sign read as '-'). */
async function readout(ex: Locator): Promise<Record<string, string>> {
  return ex
    .locator('.explorable-readout')
    .evaluate((dl) =>
      Object.fromEntries(
        [...dl.querySelectorAll('div')].map((d) => [
          d.querySelector('dt')!.textContent!.trim().replace(/−/g, '-'),
          d.querySelector('dd')!.textContent!.trim().replace(/−/g, '-'),
        ]),
      ),
    );
}

/** The numbers in a readout value ("-∞" is -Infinity). */
const numbers = (text: string): number[] =>
  [...text.matchAll(/-?∞|-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g)].map((m) =>
    m[0].endsWith('∞') ? (m[0].startsWith('-') ? -Infinity : Infinity) : Number(m[0]),
  );

/** The readout shows `expected` (printed with 4 decimals). */
function expectShown(value: string | undefined, expected: number[], what: string): void {
  const shown = numbers(value ?? '');
  expect(shown.length, `${what}: ${value}`).toBe(expected.length);
  shown.forEach((v, i) => {
    if (Number.isFinite(expected[i]))
      expect(Math.abs(v - expected[i]), `${what}: ${value}`).toBeLessThanOrEqual(5.01e-5);
    else expect(v, `${what}: ${value}`).toBe(expected[i]);
  });
}

async function press(page: Page, control: Locator, key: string, times = 1): Promise<void> {
  await control.focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every figure is an SVG image with its name, its textual form and its numbers', async ({ page }) => {
    await page.goto(PAGE);
    const figures = page.locator('figure.explorable, figure.static-figure');
    expect(await figures.count()).toBe(7);
    for (const figure of await figures.all()) {
      const svgs = figure.locator('svg.fig[role="img"]');
      expect(await svgs.count()).toBeGreaterThan(0);
      for (const svg of await svgs.all()) {
        const name = await svg.evaluate(
          (s) => document.getElementById(s.getAttribute('aria-labelledby')!)?.textContent,
        );
        const desc = await svg.evaluate(
          (s) => document.getElementById(s.getAttribute('aria-describedby')!)?.textContent,
        );
        expect(name?.length).toBeGreaterThan(5);
        expect(desc).toMatch(/^(Line plot|Bar chart|Heatmap|Small multiples): /);
      }
      await expect(figure.locator('figcaption')).not.toBeEmpty();
      expect(await figure.locator('.figure-numbers table').count()).toBeGreaterThan(0);
    }
    // The controls show the first state, and cannot be moved.
    const p = page.locator('.explorable[data-explorable="binary-loss-curve"]').getByRole('slider');
    await expect(p).toBeDisabled();
    await expect(p).toHaveValue('0.3');
    // (Chromium shows <noscript> only when scripting is off in the parser, which this setting is not.)
    expect(await page.locator('.explorable figcaption noscript').count()).toBe(5);
    // The numbers are computed at build time: the first state's loss is in the page.
    const ex = page.locator('.explorable[data-explorable="binary-loss-curve"]');
    expectShown(
      (await readout(ex))['loss = -log p'],
      [binaryCrossEntropy(tensor([0.3]), tensor([1], f32)).item()],
      'loss',
    );
  });
});

test.describe('with JavaScript, by keyboard', () => {
  test('BinaryLossCurve: arrow keys move p, and the label flips the curve', async ({ page }) => {
    await page.goto(PAGE);
    const ex = await live(page, 'binary-loss-curve');
    const p = ex.getByRole('slider', { name: /^p/ });
    await press(page, p, 'ArrowRight', 3);
    await expect(p).toHaveValue('0.33');
    const loss1 = binaryCrossEntropy(tensor([0.33]), tensor([1], f32)).item();
    await expect(p).toHaveAttribute('aria-valuetext', `p = 0.33, loss ${loss1.toFixed(4)}`);
    expectShown((await readout(ex))['loss = -log p'], [loss1], 'loss, y = 1');
    await ex.getByRole('radio', { name: 'y = 0 (no)' }).check();
    const loss0 = binaryCrossEntropy(tensor([0.33]), tensor([0], f32)).item();
    expectShown((await readout(ex))['loss = -log(1 - p)'], [loss0], 'loss, y = 0');
    // The change is announced (politely, once the reader pauses).
    await expect(ex.locator('.explorable-status')).toContainText(`loss ${loss0.toFixed(4)}`);
  });

  test('SigmoidBceSaturation: past the rounding the naive loss is clamped and its gradient gone', async ({
    page,
  }) => {
    await page.goto(PAGE);
    const ex = await live(page, 'sigmoid-bce');
    await press(page, ex.getByRole('slider'), 'ArrowRight', 4); // z = 22
    const z = tensor([22], { dtype: 'float32', requiresGrad: true });
    const y = tensor([0], f32);
    const stable = binaryCrossEntropyWithLogits(z, y);
    stable.backward();
    const naive = binaryCrossEntropy(sigmoid(tensor([22], f32)), y);
    const r = await readout(ex);
    expectShown(r['BCEWithLogitsLoss'], [stable.item(), z.grad!.item()], 'stable');
    expectShown(r['sigmoid, then BCELoss'], [naive.item(), 0], 'naive');
    expect(naive.item()).toBe(100);
  });

  test('SoftmaxExplorer: a logit, the temperature and the target change p, the loss and the gradient', async ({
    page,
  }) => {
    await page.goto(PAGE);
    const ex = await live(page, 'softmax-explorer');
    await press(page, ex.getByRole('slider', { name: 'logit of cat' }), 'ArrowRight', 5); // 2.5
    await press(page, ex.getByRole('slider', { name: 'temperature T' }), 'ArrowLeft', 5); // 0.5
    await ex.getByRole('radio', { name: 'dog' }).check();
    const logits = tensor([[2.5, 0.5, -1]], { dtype: 'float32', requiresGrad: true });
    const loss = crossEntropy(logits.div(0.5), tensor([1]));
    loss.backward();
    const p = (softmax(logits.detach().div(0.5), 1).tolist() as number[][])[0];
    const r = await readout(ex);
    expectShown(r['loss = -log p'], [loss.item()], 'loss');
    expectShown(r['p of the target (dog)'], [p[1]], 'p of the target');
    // The gradient of each logit is in the numbers' table.
    const grads = await ex.locator('.figure-numbers tbody tr td:last-child').allTextContents();
    (logits.grad!.tolist() as number[][])[0].forEach((g, i) =>
      expectShown(grads[i].replace(/−/g, '-'), [g], `grad ${i}`),
    );
  });

  test('LogSoftmaxGap: past the underflow the naive route is −∞ and logSoftmax is not', async ({ page }) => {
    await page.goto(PAGE);
    const ex = await live(page, 'log-softmax-gap');
    await press(page, ex.getByRole('slider'), 'ArrowRight', 8); // g = 104
    const z = tensor([[0, -104]], f32);
    const naive = (softmax(z, 1).log().tolist() as number[][])[0][1];
    const stable = (logSoftmax(z, 1).tolist() as number[][])[0][1];
    expect(naive).toBe(-Infinity);
    const r = await readout(ex);
    expectShown(r['softmax(z).log()'], [naive], 'naive');
    expectShown(r['logSoftmax(z)'], [stable], 'stable');
  });

  test('SegmentationExplorer: the row and column sliders show that pixel’s logits, probabilities and loss', async ({
    page,
  }) => {
    await page.goto(PAGE);
    const ex = await live(page, 'segmentation-explorer');
    const row = ex.getByRole('slider', { name: 'row' });
    const col = ex.getByRole('slider', { name: 'column' });
    await press(page, row, 'Home');
    await press(page, row, 'ArrowRight', 16);
    await press(page, col, 'Home');
    await press(page, col, 'ArrowRight', 20);
    const scene = streetScene({ size: 32, seed: 7 });
    const logits = tensor([scene.logits], f32);
    const lossMap = (
      crossEntropy(logits, tensor([scene.target]), {
        reduction: 'none',
        ignoreIndex: 255,
      }).tolist() as number[][][]
    )[0];
    const z = scene.logits.map((m) => m[16][20]);
    const r = await readout(ex);
    expect(r['pixel']).toBe('(16, 20)');
    expectShown(r['logits'], z, 'logits');
    expectShown(r['p'], (softmax(tensor([z], f32), 1).tolist() as number[][])[0], 'p');
    if (scene.target[16][20] === 255) expect(r['loss']).toBe('0 (ignored)');
    else expectShown(r['loss'], [lossMap[16][20]], 'loss');
    // The pixel is outlined on every map.
    const at = await ex
      .locator('.fig-highlight')
      .evaluateAll((rects) => rects.map((r) => r.getAttribute('x')));
    expect(new Set(at).size).toBe(1);
  });
});

test('the pointer moves an explorable: dragging along the curve sets p', async ({ page }) => {
  await page.goto(PAGE);
  const ex = await live(page, 'binary-loss-curve');
  const plot = ex.locator('.figure-slot svg');
  const box = (await plot.boundingBox())!;
  // From the left edge of the plot area to about p = 0.8 (the plot spans most of the SVG).
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  const p = Number(await ex.getByRole('slider').inputValue());
  expect(p).toBeGreaterThan(0.7);
  expectShown(
    (await readout(ex))['loss = -log p'],
    [binaryCrossEntropy(tensor([p]), tensor([1], f32)).item()],
    'loss',
  );
});

test('"Open as code" holds the cell of the current state; it runs alone and follows the figure', async ({
  page,
}) => {
  await page.goto(PAGE);
  const ex = await live(page, 'binary-loss-curve');
  await press(page, ex.getByRole('slider'), 'ArrowLeft', 10); // p = 0.2
  await ex.getByText('Open as code').click();
  const cell = ex.locator('.figure-cell');
  await expect(cell.locator('.cm-content')).toContainText('tensor([0.2]');
  await cell.getByRole('button', { name: "Run the figure's cell" }).click();
  const output = cell.locator('.cell-output');
  await expect(output).toHaveAttribute('data-ran', 'true');
  const loss = binaryCrossEntropy(tensor([0.2]), tensor([1], f32)).item();
  await expect(output).toContainText(`tensor(${loss.toFixed(4)}, grad_fn=<BinaryCrossEntropyBackward0>)`);
  // Moving the figure moves the code, and marks the output as the earlier state's.
  await press(page, ex.getByRole('slider'), 'ArrowRight');
  await expect(cell.locator('.cm-content')).toContainText('tensor([0.21]');
  await expect(output).toHaveAttribute('data-outdated', 'figure');
});

test("the reader's edit of a figure's cell is kept: the figure no longer overwrites it, and a reload restores it", async ({
  page,
}) => {
  await page.goto(PAGE);
  const ex = await live(page, 'log-softmax-gap');
  await ex.getByText('Open as code').click();
  const cell = ex.locator('.figure-cell');
  await cell.getByRole('button', { name: "Edit the figure's cell" }).click();
  await expect(cell.locator('.cm-content')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\nconsole.log("mine");');
  await expect(cell.locator('[data-badge]')).toHaveText('edited');
  // Moving the figure leaves the edit alone.
  await press(page, ex.getByRole('slider'), 'ArrowRight');
  await expect(cell.locator('.cm-content')).toContainText('console.log("mine");');
  await page.reload();
  const again = page.locator('.explorable[data-explorable="log-softmax-gap"]');
  await again.scrollIntoViewIfNeeded();
  await again.getByText('Open as code').click();
  await expect(again.locator('.figure-cell .cm-content')).toContainText('console.log("mine");');
  await expect(again.locator('.figure-cell [data-badge]')).toHaveText('edited');
});

test('a figure going live moves nothing on the page', async ({ page }) => {
  await page.goto(PAGE);
  const explorables = page.locator('.explorable');
  for (const ex of await explorables.all()) {
    await ex.scrollIntoViewIfNeeded();
    const before = await ex.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return [r.top, r.height, window.scrollY];
    });
    await ex.hover();
    await expect(ex).toHaveClass(/is-live/);
    const after = await ex.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return [r.top, r.height, window.scrollY];
    });
    expect(after).toEqual(before);
  }
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violations in the figures, live and with their numbers and code open, ${theme} theme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(PAGE);
    for (const ex of await page.locator('.explorable').all()) {
      await ex.scrollIntoViewIfNeeded();
      await expect(ex).toHaveClass(/is-live/);
    }
    for (const summary of await page.locator('.figure-numbers summary, .explorable-code summary').all())
      await summary.click();
    const results = await new AxeBuilder({ page }).include('figure').analyze();
    expect(describeViolations(results.violations)).toEqual([]);
  });
}

test('the figures fit a phone: the guide page does not scroll sideways at 375 or 320 px', async ({
  page,
}) => {
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(PAGE);
  for (const ex of await page.locator('.explorable').all()) {
    await ex.scrollIntoViewIfNeeded();
    await expect(ex).toHaveClass(/is-live/);
  }
  expect(await overflow()).toBe(0);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await overflow()).toBe(0);
});
