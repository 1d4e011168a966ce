/**
 * The book itself passes the checks that `npm run build` runs first: book.config.ts, then
 * the chapters against it. On failure the test prints the same `file:line: what to do` list
 * as the build.
 */
import { expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadBookConfig } from '../../src/book/load-book-config.ts';
import { formatProblems, validateBook } from '../../src/book/validate-book.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

it('book.config.ts is a valid configuration, and content/ has valid frontmatter, distinct orders, known prerequisites and parts', async () => {
  const { config, problems } = await loadBookConfig(ROOT);
  expect(
    formatProblems(problems),
    'problems in book.config.ts (fix each line, then run the tests again)',
  ).toBe('');
  const lessons = validateBook(`${ROOT}content`, ROOT, { parts: config!.parts.map((p) => p.id) });
  expect(formatProblems(lessons), 'problems in content/ (fix each line, then run the tests again)').toBe('');
}, 30_000);
