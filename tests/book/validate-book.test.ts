/**
 * The book validator on bad lessons (tests/fixtures/lessons/<case>/): each misstep an
 * instructor can make in frontmatter or file names gives `file:line: what to do`.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { formatProblems, validateBook, type BookProblem } from '../../src/book/validate-book.ts';

const LESSONS = fileURLToPath(new URL('../fixtures/lessons/', import.meta.url));

/** The problems of one fixture book, with paths relative to the fixture folder. */
function problemsOf(name: string): BookProblem[] {
  const dir = join(LESSONS, name);
  return validateBook(dir, dir);
}

/** Problem lines as `file:line: message`. */
function linesOf(name: string): string[] {
  return formatProblems(problemsOf(name)).split('\n').filter(Boolean);
}

describe('validateBook', () => {
  it('accepts a good book', () => {
    expect(problemsOf('good')).toEqual([]);
  });

  it('names the file and the frontmatter for a missing title', () => {
    const lines = linesOf('missing-title');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^untitled\.mdx:1: `title` is missing: add a line such as `title: .+` to the frontmatter$/,
    );
  });

  it('reports a duplicate order on both chapters, at the order line, with the next free order', () => {
    const lines = linesOf('duplicate-order');
    expect(lines).toEqual([
      'second.mdx:4: order 2 is also used by third.mdx:5: each chapter needs its own order; the first one after the last chapter is 3',
      'third.mdx:5: order 2 is also used by second.mdx:4: each chapter needs its own order; the first one after the last chapter is 3',
    ]);
  });

  it('reports an unknown prerequisite at its list item, suggesting the nearest id', () => {
    const lines = linesOf('unknown-prerequisite');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^second\.mdx:7: unknown prerequisite "binary-crossentropy": did you mean "binary-cross-entropy"\?/,
    );
    expect(lines[1]).toMatch(
      /^second\.mdx:8: unknown prerequisite "softmax": a prerequisite is the id of another chapter, its file name in content\/ without \.mdx \(known: binary-cross-entropy, second\)$/,
    );
  });

  it('reports a prerequisite that comes later in the book, and a chapter that requires itself', () => {
    const lines = linesOf('later-prerequisite');
    expect(lines).toEqual([
      'second.mdx:5: prerequisite "third" (order 3) comes after this chapter (order 2): a reader meets chapters in order, so give "third" a smaller order or drop it from the prerequisites',
      'second.mdx:5: "second" lists itself as a prerequisite: remove it',
    ]);
  });

  it('points at the YAML line that does not parse and says what to check', () => {
    const lines = linesOf('bad-yaml');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^softmax\.mdx:2: the frontmatter is not valid YAML \(.+\): .*a value containing ": " must be quoted$/,
    );
  });

  it('suggests the right key for a misspelt one and explains a bad order', () => {
    const lines = linesOf('bad-keys');
    expect(lines).toEqual([
      'typos.mdx:4: `order` must be a whole number such as 4, not "two"; the first one after the last chapter is 1',
      "typos.mdx:5: unknown frontmatter key `prerequisite`: did you mean `prerequisites`? a chapter's frontmatter has only title, description, order, objectives, prerequisites, part",
      "typos.mdx:6: unknown frontmatter key `objective`: did you mean `objectives`? a chapter's frontmatter has only title, description, order, objectives, prerequisites, part",
    ]);
  });

  it('asks for frontmatter when a file has none', () => {
    const lines = linesOf('no-frontmatter');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^plain\.mdx:1: the file has no frontmatter: start it with a `---` line.*npm run new-lesson/,
    );
  });

  it('points at MDX that does not parse, unknown cell flags and incomplete exercises', () => {
    const lines = linesOf('bad-body');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^braces\.mdx:7: MDX cannot read this \(.+\): in text, write \\\{ for a literal brace/,
    );
    expect(lines.slice(1)).toEqual([
      'exercises.mdx:7: unknown cell flag "trows" (known: throws, timeout=<ms>): fix the fence\'s first line, e.g. ```ts run or ```ts run throws',
      'exercises.mdx:11: this exercise has no ```ts solution fence after it: add one (readers can reveal it, and the doc-tests run it against the checks)',
      'exercises.mdx:22: this ```ts solution fence does not belong to an exercise: put it right after a ```ts exercise fence (or its other check/solution fences and hints), with no text in between',
    ]);
  });

  it('points at braces in prose that MDX would run as JavaScript, but not at comments or attributes', () => {
    expect(linesOf('prose-braces')).toEqual([
      'braces.mdx:7: {roughly} is read by MDX as JavaScript; to show braces write \\{roughly\\} (or put it in `code` or $math$)',
      'braces.mdx:15: {classes} is read by MDX as JavaScript; to show braces write \\{classes\\} (or put it in `code` or $math$)',
    ]);
  });

  it('asks to rename a file whose name cannot be an id', () => {
    expect(linesOf('bad-file-name')).toEqual([
      'My Lesson.mdx:1: the file name "My Lesson.mdx" cannot be a chapter id (it becomes the chapter\'s URL): rename the file to "my-lesson.mdx" (lower-case letters, digits and dashes)',
    ]);
  });

  it('checks each chapter against the parts of book.config.ts: known, present, and kept together by order', () => {
    const dir = join(LESSONS, 'parts');
    const lines = formatProblems(validateBook(dir, dir, { parts: ['week-1', 'week-2'] })).split('\n');
    expect(lines).toEqual([
      'loose.mdx:1: this chapter has no `part`: book.config.ts groups the chapters into parts, so add a line such as `part: week-1` to the frontmatter (known: week-1, week-2)',
      'pixels.mdx:4: order 3 puts this chapter (part week-2) before "softmax" (order 4, part week-1), but book.config.ts lists part week-1 first: give this chapter an order above 4, or change its part',
      'typo.mdx:5: unknown part "wek-2": did you mean "week-2"? a chapter\'s part is the id of one of the parts in book.config.ts (known: week-1, week-2)',
    ]);
  });

  it('asks for the parts in book.config.ts when a chapter names one and the config declares none', () => {
    const dir = join(LESSONS, 'parts');
    const lines = formatProblems(validateBook(dir, dir, { parts: [] })).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      "intro.mdx:5: `part: week-1` names a part, but book.config.ts declares none: add `parts: [{ id: 'week-1', title: '…' }]` to book.config.ts, or remove this line",
    );
  });

  it('leaves parts unchecked when the configuration could not be read', () => {
    const dir = join(LESSONS, 'parts');
    expect(validateBook(dir, dir)).toEqual([]);
  });
});
