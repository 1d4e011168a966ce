/**
 * The build's run checks (src/book/check-runs.ts) on lessons whose code is wrong
 * (tests/fixtures/lessons/bad-runs/): each problem names the file and line and says
 * what to do.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkChapterRuns } from '../../src/book/check-runs.ts';
import { firstDifference } from '../../src/lesson/lesson-problems.ts';
import { formatProblems } from '../../src/book/validate-book.ts';

const dir = fileURLToPath(new URL('../fixtures/lessons/bad-runs/', import.meta.url));
const check = (file: string) => checkChapterRuns([{ file, source: readFileSync(`${dir}${file}`, 'utf8') }]);

describe('checkChapterRuns', () => {
  it('reports a wrong recorded output, an unexpected error and a throws flag that does not hold', async () => {
    const lines = formatProblems(await check('cells.mdx')).split('\n');
    expect(lines).toEqual([
      'cells.mdx:7: this cell prints something other than its output fence (line 12): output line 1: the fence has "tensor([1.5000, 2.5000])", the cell prints "tensor([1.5000, 2.0000])"; run `npm run record` to update the output fence, or fix the cell',
      'cells.mdx:16: this cell throws (Error (line 2): TypeError: t.nonexistent is not a function): fix the cell, or mark it ```ts run throws if the error is the point',
      'cells.mdx:21: this cell is marked `throws` but does not throw: remove `throws` from its fence, or fix the cell',
    ]);
  }, 60_000);

  it('words a missing, an empty and a different output fence each its own way', async () => {
    const lines = formatProblems(await check('fences.mdx')).split('\n');
    expect(lines).toEqual([
      'fences.mdx:7: this cell prints output but has no ```output fence after it (it prints "no fence"): run `npm run record` to record the output fence, or fix the cell',
      'fences.mdx:11: this cell prints output but its output fence (line 15) is empty (it prints "empty fence"): run `npm run record` to record the output fence, or fix the cell',
      'fences.mdx:18: this cell prints something other than its output fence (line 22): output line 1: the fence has "different text", the cell prints "other text"; run `npm run record` to update the output fence, or fix the cell',
    ]);
  }, 60_000);

  it('reports a solution that fails its checks and a starter that already passes', async () => {
    const lines = formatProblems(await check('exercises.mdx')).split('\n');
    expect(lines).toEqual([
      'exercises.mdx:11: the solution of this exercise does not pass its checks ("addBase(1) is 11": addBase(1) is -9; expected 11): fix the solution or the checks',
      'exercises.mdx:28: the starter of this exercise already passes every check: give the reader something to do, or make the checks stricter',
    ]);
  }, 60_000);

  it('shows where two outputs first differ', () => {
    expect(firstDifference('a\nb', 'a\nc')).toBe('output line 2: the fence has "b", the cell prints "c"');
    expect(firstDifference('a', 'a\nc')).toBe('output line 2: the fence has nothing, the cell prints "c"');
  });
});
