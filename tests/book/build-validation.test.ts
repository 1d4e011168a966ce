/**
 * `astro build` with the book-validation integration stops on a bad lesson with the
 * `file:line: what to do` list, a non-zero exit and no stack trace. Builds a throwaway
 * Astro project in a temp dir (this repository's node_modules, linked), so the test
 * does not depend on the site's own pages.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'book-build-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  mkdirSync(join(dir, 'content'));
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"name":"book-build-test","private":true,"type":"module"}');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\n` +
      `import { bookValidation } from ${JSON.stringify(join(ROOT, 'src/book/astro-integration.ts'))};\n` +
      `export default defineConfig({ integrations: [bookValidation()] });\n`,
  );
  writeFileSync(join(dir, 'src/pages/index.astro'), '<p>hello</p>\n');
  writeFileSync(join(dir, 'content/first.mdx'), '---\ntitle: First\ndescription: Fine.\norder: 1\n---\n\nText.\n');
  writeFileSync(join(dir, 'content/second.mdx'), '---\ndescription: No title, and the same order.\norder: 1\n---\n\nText.\n');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('fails the build with file:line messages and no stack trace', () => {
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const r = spawnSync(process.execPath, [astro, 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 120_000,
  });
  const out = `${r.stdout}\n${r.stderr}`;
  expect(r.status, out).not.toBe(0);
  expect(out).toContain('content/second.mdx:1: `title` is missing: add a line such as `title: ');
  expect(out).toContain('content/second.mdx:3: order 1 is also used by content/first.mdx:4: each chapter needs its own order; the next free one is 2');
  expect(out).toContain('3 problems in the lessons; fix them and run the command again');
  expect(out).not.toMatch(/\n\s+at /);
}, 120_000);
