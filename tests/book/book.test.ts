/**
 * The book itself passes the validator that `npm run build` runs first: on failure the
 * test prints the same `file:line: what to do` list as the build.
 */
import { expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { formatProblems, validateBook } from '../../src/book/validate-book.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

it('content/ has valid frontmatter, distinct orders and known prerequisites', () => {
  const problems = validateBook(`${ROOT}content`, ROOT);
  expect(formatProblems(problems), 'problems in content/ (fix each line, then run the tests again)').toBe('');
}, 30_000);
