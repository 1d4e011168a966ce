/**
 * A blank page with KaTeX's own script and stylesheet, from the project's katex package
 * (the one the build renders with): what a formula looks like when nothing of the site's
 * CSS is involved. Served by routing requests for a made-up origin to the package's dist/
 * folder, so no server is needed.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const katexDist = join(
  dirname(createRequire(join(process.cwd(), 'package.json')).resolve('katex/package.json')),
  'dist',
);
const REFERENCE = 'http://katex.reference/';

/** Open the reference page in `page`; `window.katex` is then KaTeX's API. */
export async function openKatexReference(page: Page): Promise<void> {
  await page.route(`${REFERENCE}**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/')
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="katex.min.css"><script src="katex.min.js"></script></head><body style="margin:0"></body></html>',
      });
    return route.fulfill({ body: readFileSync(join(katexDist, path)) });
  });
  await page.goto(REFERENCE);
}
