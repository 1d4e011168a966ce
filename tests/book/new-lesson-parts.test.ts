/**
 * In a book with parts, a lesson made by `npm run new-lesson` joins the last part, so the
 * book still validates (a chapter without a part would not).
 */
import { afterEach, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLesson } from '../../src/book/new-lesson.ts';
import { formatProblems, validateBook } from '../../src/book/validate-book.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it('writes `part: <the last part>` with the known parts beside it, and the book validates', () => {
  const content = mkdtempSync(join(tmpdir(), 'new-lesson-parts-'));
  dirs.push(content);
  writeFileSync(
    join(content, 'first.mdx'),
    '---\ntitle: First\ndescription: One.\norder: 1\npart: week-1\n---\n\nText.\n',
  );
  const lesson = createLesson({
    title: 'Second',
    contentDir: content,
    displayRoot: content,
    parts: ['week-1', 'week-2'],
  });
  const text = readFileSync(join(content, lesson.file), 'utf8');
  expect(text).toContain(
    '\npart: week-2 # the part (week, unit) it belongs to, one of: week-1, week-2 (book.config.ts)\n',
  );
  expect(formatProblems(validateBook(content, content, { parts: ['week-1', 'week-2'] }))).toBe('');
});

it('writes no part line in a book without parts', () => {
  const content = mkdtempSync(join(tmpdir(), 'new-lesson-parts-'));
  dirs.push(content);
  const lesson = createLesson({ title: 'Only', contentDir: content, displayRoot: content });
  expect(readFileSync(join(content, lesson.file), 'utf8')).not.toMatch(/^part:/m);
});
