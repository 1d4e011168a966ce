/**
 * The checks of a lesson that need its code to run, as the build reports them: the
 * chapter's run (src/lesson/run-cache.ts: once per build, and not at all when the chapter
 * and what it depends on did not change) and its problems (src/lesson/lesson-problems.ts,
 * the rules the doc-tests and `npm run record` apply too), as `file:line: what to do`.
 * Run by the build before Astro starts (./astro-integration.ts), so that a wrong lesson
 * stops `npm run build` with that list, not a stack trace.
 */
import { runChapters } from '../lesson/run-book.ts';
import type { BookProblem } from './validate-book.ts';

/** Run the chapters (a few at a time) and list their problems; `file` is the path shown in messages. */
export async function checkChapterRuns(
  chapters: readonly { file: string; source: string }[],
): Promise<BookProblem[]> {
  const runs = await runChapters(chapters.map((c) => c.source));
  return chapters.flatMap((c, i) =>
    runs[i].problems.map((p) => ({ file: c.file, line: p.line, message: p.message })),
  );
}
