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
  writeFileSync(join(dir, 'book.config.ts'), "export default { title: 'T', description: 'D.' };\n");
  writeFileSync(
    join(dir, 'content/first.mdx'),
    '---\ntitle: First\ndescription: Fine.\norder: 1\n---\n\nText.\n',
  );
  // third.mdx is well formed but its cell's output fence is wrong: a problem found by
  // running it, reported in the same build as the frontmatter problems of the others.
  writeFileSync(
    join(dir, 'content/third.mdx'),
    '---\ntitle: Third\ndescription: Fine.\norder: 3\n---\n\nText.\n\n```ts run\nconsole.log(1 + 1);\n```\n\n```output\n3\n```\n',
  );
  writeFileSync(
    join(dir, 'content/second.mdx'),
    '---\ndescription: No title, and the same order.\norder: 1\n---\n\nText.\n',
  );
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('fails the build with file:line messages for both kinds of problem and no stack trace', () => {
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const r = spawnSync(process.execPath, [astro, 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 120_000,
  });
  const out = `${r.stdout}\n${r.stderr}`;
  expect(r.status, out).toBe(1);
  // A problem in a lesson, not a crash of the tool: no "unhandled error" wrapper.
  expect(out).not.toMatch(/unhandled error/i);
  expect(out).toContain('content/second.mdx:1: `title` is missing: add a line such as `title: ');
  expect(out).toContain(
    'content/second.mdx:3: order 1 is also used by content/first.mdx:4: each chapter needs its own order; the first one after the last chapter is 4',
  );
  expect(out).toContain(
    'content/third.mdx:9: this cell prints something other than its output fence (line 13): output line 1: the fence has "3", the cell prints "2"',
  );
  expect(out).toContain('4 problems in the book; fix them and run the command again');
  expect(out).not.toMatch(/\n\s+at /);
}, 120_000);
