/**
 * `astro build` of a 30-chapter book (generated: ./book-fixture.ts) in a temporary copy
 * of the project: the build passes, every page shows its cells' outputs and its
 * exercise's checks, and each chapter was run exactly once (the book check and the remark
 * plugins share the run), counted through the run cache's log (BOOK_RUN_LOG), whose keys
 * are those the cache gives the chapters' sources. A second build after one chapter was
 * edited runs that chapter only.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from '../../scripts/project-copy.ts';
import { RunCache } from '../../src/lesson/run-cache.ts';
import { doubled, fixtureBook } from './book-fixture.ts';

const CHAPTERS = 30;
const book = fixtureBook(CHAPTERS);
const BUILD_TIMEOUT = 300_000;
let dir = '';

beforeAll(() => {
  dir = copyProject();
  for (const [name, text] of Object.entries(fixtureBook(CHAPTERS)))
    writeFileSync(join(dir, 'content', name), text);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Build the copy; returns the keys of the chapters the build ran. */
function build(): string[] {
  const log = join(dir, 'runs.log');
  rmSync(log, { force: true });
  const r = spawnSync(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      BOOK_RUN_LOG: log,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
    timeout: BUILD_TIMEOUT,
  });
  expect(r.status, `${r.stdout}\n${r.stderr}`.slice(-4000)).toBe(0);
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
}

/** The text of each cell output on a built page, in order. */
function outputsOf(html: string): string[] {
  return [...html.matchAll(/<pre class="cell-output"[^>]*>([\s\S]*?)<\/pre>/g)].map((m) =>
    m[1]
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"'),
  );
}

it(
  `builds a book of ${CHAPTERS} chapters, running each chapter once, with the outputs on the pages`,
  () => {
    const ran = build();
    // Nothing ran twice; every chapter ran (and so did the site's other pages with cells,
    // the cheat sheet, once each).
    expect(new Set(ran).size).toBe(ran.length);
    const keys = new RunCache({ dir: join(dir, 'unused') });
    expect(ran).toEqual(expect.arrayContaining(Object.values(book).map((text) => keys.key(text))));
    for (let k = 1; k <= CHAPTERS; k++) {
      const html = readFileSync(join(dir, `dist/chapter-${String(k).padStart(3, '0')}/index.html`), 'utf8');
      expect(outputsOf(html), `chapter ${k}`).toEqual([doubled(k), 'tensor(0.4076)']);
      expect(html).toContain('<span class="exercise-check-name">triple(n) is 3n</span>');
    }
  },
  BUILD_TIMEOUT,
);

it(
  'builds again after one chapter was edited: that chapter runs, no other',
  () => {
    const file = join(dir, 'content/chapter-007.mdx');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('Chapter 7 doubles its number.', 'Chapter 7 doubles 7.'),
    );
    expect(build()).toHaveLength(1);
    const html = readFileSync(join(dir, 'dist/chapter-007/index.html'), 'utf8');
    expect(html).toContain('Chapter 7 doubles 7.');
    expect(outputsOf(html)).toEqual(['14', 'tensor(0.4076)']);
  },
  BUILD_TIMEOUT,
);
