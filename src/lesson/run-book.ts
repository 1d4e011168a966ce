/**
 * The runs of many chapters (the build's book check, `npm run record`): chapters are run
 * a few at a time (as many as the machine has cores), never all at once; each run goes
 * through the cache (./run-cache.ts), so an unchanged chapter costs a file read.
 */
import { availableParallelism } from 'node:os';
import { chapterRun } from './run-cache.ts';
import type { ChapterRun } from './run-chapter.ts';

/** `fn` over `items`, at most `limit` at a time; results in the order of `items`. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The runs of the chapters whose sources are `sources`, in order. */
export function runChapters(
  sources: readonly string[],
  run: (source: string) => Promise<ChapterRun> = chapterRun,
): Promise<ChapterRun[]> {
  return mapLimit(sources, availableParallelism(), run);
}
