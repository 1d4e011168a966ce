/**
 * `npm run preview` (scripts/serve-static.ts without --base) serves a build at the base path
 * it was built with, as a static host would: pages under the base, `/` led to it, and the
 * site's 404 page for anything else.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/serve-static.ts', import.meta.url));
let dir = '';
let server: ChildProcess | undefined;
let origin = '';

beforeAll(async () => {
  // A site as `BASE_PATH=/book npm run build` writes it: every asset address starts with /book/.
  dir = mkdtempSync(join(tmpdir(), 'serve-static-'));
  mkdirSync(join(dir, 'chapter'));
  mkdirSync(join(dir, '_astro'));
  writeFileSync(join(dir, 'index.html'), '<link rel="stylesheet" href="/book/_astro/site.css"><h1>Home</h1>');
  writeFileSync(join(dir, 'chapter/index.html'), '<h1>Chapter</h1>');
  writeFileSync(join(dir, '_astro/site.css'), 'h1{}');
  writeFileSync(join(dir, '404.html'), '<h1>Page not found</h1>');
  server = spawn(process.execPath, [SCRIPT, dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  origin = await new Promise<string>((resolve, reject) => {
    server!.stdout!.on('data', (chunk: Buffer) => {
      const found = /at (http:\/\/localhost:\d+)\/book\//.exec(chunk.toString());
      if (found) resolve(found[1]);
    });
    server!.on('exit', (code) => reject(new Error(`serve-static exited with ${code}`)));
  });
}, 30_000);

afterAll(() => {
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${origin}${path}`, { redirect: 'manual' });

it('serves the build under the base path it was built with', async () => {
  const home = await get('/book/');
  expect(home.status).toBe(200);
  expect(await home.text()).toContain('<h1>Home</h1>');
  expect((await get('/book/chapter/')).status).toBe(200);
  expect((await get('/book/_astro/site.css')).headers.get('content-type')).toMatch(/^text\/css/);
});

it('leads / to the base path and answers an unknown address with the 404 page', async () => {
  const root = await get('/');
  expect(root.status).toBe(302);
  expect(root.headers.get('location')).toBe('/book/');
  const missing = await get('/book/no-such-page/');
  expect(missing.status).toBe(404);
  expect(await missing.text()).toContain('Page not found');
  expect((await get('/chapter/')).status).toBe(404);
});
