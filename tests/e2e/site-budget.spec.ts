/** The page budget: at most 10 KB (gzip) of JavaScript before the reader interacts. */
import { test, expect } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { chapterPaths } from './site-helpers.ts';

const BUDGET = 10 * 1024;

for (const path of ['/', ...chapterPaths()]) {
  test(`${path} loads at most 10 KB gzip of JavaScript before any interaction`, async ({ page }) => {
    const bodies: Promise<Buffer>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') bodies.push(r.body());
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    const inline = await page.evaluate(() =>
      [...document.scripts]
        .filter((s) => !s.src)
        .map((s) => s.textContent)
        .join('\n'),
    );
    const files = await Promise.all(bodies);
    const total = files.reduce((n, b) => n + gzipSync(b).length, 0) + gzipSync(inline).length;
    expect(total, `${files.length} script files + inline scripts, gzip`).toBeLessThanOrEqual(BUDGET);
  });
}
