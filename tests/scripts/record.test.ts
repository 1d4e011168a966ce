/**
 * `npm run record`: rewrites a wrong output fence and adds a missing one, reports what it
 * cannot fix in the build's words (`file:line: problem: what to do`), and stores the
 * chapter's run under its new text, so the next build or test run does not run it again.
 * On a generated chapter in a temporary folder, with a cache folder of its own.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureChapter } from '../lesson/book-fixture.ts';

const ROOT = join(import.meta.dirname, '../..');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'record-'));
  mkdirSync(join(dir, 'content'));
  const text = fixtureChapter(3)
    // A wrong fence, a cell without one, and a cell that throws without `throws`.
    .replace('```output\n6\n```', '```output\n5\n```')
    .replace('```output\ntensor(0.4076)\n```\n', '')
    .concat('\n```ts run\nundefinedName;\n```\n');
  writeFileSync(join(dir, 'content/lesson.mdx'), text);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('rewrites and adds output fences, reports the rest as the build does, and keeps the run for the next build', async () => {
  const env = { ...process.env, BOOK_CACHE_DIR: join(dir, 'cache'), BOOK_RUN_LOG: join(dir, 'runs.log') };
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/record-outputs.ts'), 'content/lesson.mdx'], {
    cwd: dir,
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const text = readFileSync(join(dir, 'content/lesson.mdx'), 'utf8');
  expect(text).toContain('console.log(n * 2);\n```\n\n```output\n6\n```');
  expect(text).toContain('tensor([2])));\n```\n\n```output\ntensor(0.4076)\n```');
  const lineOf = (code: string) => text.split('\n').indexOf(code);
  expect(r.stdout.split('\n')).toEqual([
    'content/lesson.mdx: 3 cells',
    '  content/lesson.mdx:9 (cell 1): output rewritten',
    `  content/lesson.mdx:${lineOf("import { tensor, crossEntropy } from '@loss';")} (cell 2): output added`,
    `  content/lesson.mdx:${lineOf('undefinedName;')} (cell 3): output added`,
    `  content/lesson.mdx:${lineOf('undefinedName;')}: this cell throws (Error (line 1): ReferenceError: undefinedName is not defined): fix the cell, or mark it \`\`\`ts run throws if the error is the point`,
    '1 file(s) changed; review with git diff (new files: git status).',
    '',
  ]);
  expect(readFileSync(join(dir, 'runs.log'), 'utf8').trim().split('\n')).toHaveLength(1);

  // The next reader of the rewritten chapter gets its run from the cache, with its new lines.
  process.env.BOOK_CACHE_DIR = env.BOOK_CACHE_DIR;
  try {
    const { RunCache } = await import('../../src/lesson/run-cache.ts');
    const cache = new RunCache();
    const run = await cache.get(text);
    expect(cache.stats.runs).toBe(0);
    expect(run.problems.map((p) => [p.kind, p.line])).toEqual([['throws', lineOf('undefinedName;')]]);
  } finally {
    delete process.env.BOOK_CACHE_DIR;
  }
  expect(existsSync(join(dir, 'cache/runtime'))).toBe(true);
}, 120_000);
