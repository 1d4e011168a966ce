/**
 * An Astro integration that checks the book when Astro starts, before it loads the
 * content collection or compiles a page:
 * - always: book.config.ts (./load-book-config.ts), then frontmatter, whole-book rules
 *   (with the config's parts) and chapter syntax (./validate-book.ts);
 * - on `astro build`: also runs every cell and exercise (./check-runs.ts), as the
 *   doc-tests do, so a wrong recorded output or a broken exercise stops the build here.
 *   Every chapter without a problem of the first kind is run, so one build lists both
 *   kinds (a chapter that does not parse is not run: its cells would only add noise).
 *   The runs are kept (src/lesson/run-cache.ts): the remark plugins that render the
 *   pages read them instead of running the chapters again.
 * `astro build` logs the list of problems as `file:line: what to do` and exits with
 * status 1, with no stack trace; `astro dev` logs the list and carries on.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { processPool } from '../cells/node-pool.ts';
import { checkChapterRuns } from './check-runs.ts';
import { loadBookConfig } from './load-book-config.ts';
import { readChapters } from './read-chapters.ts';
import { formatProblems, validateBook, type BookProblem } from './validate-book.ts';

export function bookValidation(options: { contentDir?: string } = {}): AstroIntegration {
  let command = 'build';
  return {
    name: 'book-validation',
    hooks: {
      'astro:config:setup': (params) => {
        command = params.command;
      },
      'astro:config:done': async ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const contentDir = join(root, options.contentDir ?? 'content');
        const book = await loadBookConfig(root);
        const problems: BookProblem[] = [
          ...book.problems,
          // A configuration with problems has no parts to check the chapters against.
          ...validateBook(
            contentDir,
            root,
            book.config ? { parts: book.config.parts.map((p) => p.id) } : undefined,
          ),
        ];
        if (command === 'build') {
          const flawed = new Set(problems.map((p) => p.file));
          const runnable = readChapters(contentDir, root).filter((c) => !flawed.has(c.file));
          problems.push(...(await checkChapterRuns(runnable)));
          // Every chapter has run: the runner processes' memory goes back to Astro's own
          // build (a page with cells outside content/ starts a runner again if it needs one).
          processPool().close();
        }
        if (problems.length === 0) return;
        const list = formatProblems(problems);
        const summary = `${problems.length} problem${problems.length > 1 ? 's' : ''} in the book; fix ${problems.length > 1 ? 'them' : 'it'} and run the command again (see the "Writing lessons" guide)`;
        if (command !== 'build') {
          logger.warn(`${summary}:\n${list}`);
          return;
        }
        // Exit rather than throw: Astro would wrap a thrown error in "An unhandled error
        // occurred while running a hook", which reads as a crash of the tool, not a
        // problem in a lesson. Nothing has been built yet, and on Linux the log is written
        // synchronously, so the list is out before the exit.
        logger.error(`${list}\n\n${summary}.`);
        process.exit(1);
      },
    },
  };
}
