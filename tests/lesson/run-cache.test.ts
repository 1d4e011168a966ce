/**
 * The chapter runs' cache (src/lesson/run-cache.ts), counted through its own statistics:
 * a chapter runs once however many readers ask; an unchanged chapter is not run again by
 * the next process; an edited chapter is, and only it; a change to the loss module runs
 * every chapter again. Real runs of small generated chapters, in a cache folder of the test's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunCache } from '../../src/lesson/run-cache.ts';
import { dependencyFingerprint } from '../../src/lesson/dependencies.ts';
import { runChapters } from '../../src/lesson/run-book.ts';
import { outputText } from '../../src/cells/output-parts.ts';
import { fixtureBook } from './book-fixture.ts';

const ROOT = join(import.meta.dirname, '../..');
let dir = '';
const sources = Object.values(fixtureBook(5));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'run-cache-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A cache as a new process would have it (nothing in memory), over the test's folder. */
const freshCache = (dependencies?: string) => new RunCache({ dir: join(dir, 'runs'), dependencies });

describe('RunCache', () => {
  it('runs each chapter once, however many readers ask at once, with the outputs right', async () => {
    const cache = freshCache();
    const asked = await Promise.all([...sources, ...sources, ...sources].map((s) => cache.get(s)));
    expect(cache.stats.runs).toBe(sources.length);
    expect(asked[0].problems).toEqual([]);
    expect(asked[0].cells.map((c) => outputText(c.output))).toEqual(['2', 'tensor(0.4076)']);
    expect(asked[4].cells.map((c) => outputText(c.output))).toEqual(['10', 'tensor(0.4076)']);
    expect(asked[2].exercises[0].solution?.passed).toBe(true);
    expect(asked[2].exercises[0].starter.passed).toBe(false);
  }, 120_000);

  it('does not run an unchanged chapter again in the next process', async () => {
    const cache = freshCache();
    const runs = await runChapters(sources, (s) => cache.get(s));
    expect(cache.stats).toEqual({ runs: 0, memoryHits: 0, diskHits: sources.length });
    expect(runs[1].cells.map((c) => outputText(c.output))).toEqual(['4', 'tensor(0.4076)']);
  });

  it('runs an edited chapter again, and only it', async () => {
    const cache = freshCache();
    const edited = sources.map((s, i) => (i === 2 ? s.replace('const n = 3;', 'const n = 30;') : s));
    const runs = await runChapters(edited, (s) => cache.get(s));
    expect(cache.stats.runs).toBe(1);
    expect(cache.stats.diskHits).toBe(sources.length - 1);
    // Its fence still says 6: the run says what is wrong, in the build's words.
    expect(runs[2].problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '9: this cell prints something other than its output fence (line 14): output line 1: the fence has "6", the cell prints "60"; run `npm run record` to update the output fence, or fix the cell',
    ]);
  }, 60_000);

  it('runs every chapter again when the loss module changes, not when the page scripts do', async () => {
    // A copy of the sources in which one file of the loss module has one more line.
    const copy = mkdtempSync(join(tmpdir(), 'run-deps-'));
    try {
      cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
      const before = dependencyFingerprint(copy);
      expect(before).toBe(dependencyFingerprint(ROOT));
      // What the run does not reach (the page's scripts, the site) changes nothing.
      appendFileSync(join(copy, 'src/cells/client.ts'), '\n// An edit.\n');
      appendFileSync(join(copy, 'src/site/hast.ts'), '\n// An edit.\n');
      expect(dependencyFingerprint(copy)).toBe(before);
      appendFileSync(join(copy, 'src/loss/ops/exp.ts'), '\n// An edit.\n');
      const after = dependencyFingerprint(copy);
      expect(after).not.toBe(before);

      const cache = freshCache(after);
      await runChapters(sources, (s) => cache.get(s));
      expect(cache.stats.runs).toBe(sources.length);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);

  it('does not fail on a damaged entry: it runs the chapter again', async () => {
    const cache = freshCache();
    const folder = join(dir, 'runs', dependencyFingerprint().slice(0, 16));
    writeFileSync(join(folder, `${cache.key(sources[0])}.json`), '{ half an ent');
    const run = await cache.get(sources[0]);
    expect(cache.stats.runs).toBe(1);
    expect(run.problems).toEqual([]);
  }, 60_000);
});
