import { describe, expect, it } from 'vitest';
import { groupByPart, partTitle } from '../../src/book/contents.ts';

const chapter = (id: string, part?: string) => ({ id, data: { part } });
const parts = [
  { id: 'week-1', title: 'Week 1' },
  { id: 'week-2', title: 'Week 2' },
  { id: 'week-3', title: 'Week 3' },
];

describe('groupByPart', () => {
  it('is one group without a heading for a book without parts', () => {
    const chapters = [chapter('a'), chapter('b')];
    expect(groupByPart(chapters, [])).toEqual([{ chapters }]);
  });

  it('groups chapters under the parts in the config’s order, keeping their order, and skips empty parts', () => {
    const [a, b, c] = [chapter('a', 'week-2'), chapter('b', 'week-1'), chapter('c', 'week-2')];
    expect(groupByPart([b, a, c], parts)).toEqual([
      { part: parts[0], chapters: [b] },
      { part: parts[1], chapters: [a, c] },
    ]);
  });

  it('never drops a chapter whose part is unknown', () => {
    const stray = chapter('x', 'nope');
    expect(groupByPart([stray], parts)).toEqual([{ chapters: [stray] }]);
  });
});

describe('partTitle', () => {
  it('is the title of a known part only', () => {
    expect(partTitle(parts, 'week-2')).toBe('Week 2');
    expect(partTitle(parts, undefined)).toBeUndefined();
    expect(partTitle([], 'week-2')).toBeUndefined();
  });
});
