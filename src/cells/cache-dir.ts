/**
 * Where the build keeps what it can compute again: the chapters' runs and the bundled
 * cell runtime, under the project's node_modules/.cache (ignored by git, and always
 * safe to delete). BOOK_CACHE_DIR overrides it (tests use a folder of their own).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

export function cacheRoot(): string {
  return process.env.BOOK_CACHE_DIR || join(PROJECT, 'node_modules/.cache/cross-entropy-cell-by-cell');
}
