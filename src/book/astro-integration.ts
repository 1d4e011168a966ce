/**
 * An Astro integration that validates the book (./validate-book.ts) when Astro starts,
 * before it loads the content collection. `astro build` stops with the list of
 * problems as `file:line: message` and a non-zero exit, instead of Astro's schema error
 * with a stack trace; `astro dev` logs the same list and carries on.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { formatProblems, validateBook } from './validate-book.ts';

export function bookValidation(options: { contentDir?: string } = {}): AstroIntegration {
  let command = 'build';
  return {
    name: 'book-validation',
    hooks: {
      'astro:config:setup': (params) => {
        command = params.command;
      },
      'astro:config:done': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const problems = validateBook(join(root, options.contentDir ?? 'content'), root);
        if (problems.length === 0) return;
        const list = formatProblems(problems);
        const summary = `${problems.length} problem${problems.length > 1 ? 's' : ''} in the lessons; fix ${problems.length > 1 ? 'them' : 'it'} and run the command again (see the "Writing lessons" guide)`;
        if (command !== 'build') {
          logger.warn(`${summary}:\n${list}`);
          return;
        }
        // No stack: the trace would point into this file, not at the lesson.
        const error = new Error(`${list}\n\n${summary}.`);
        error.stack = '';
        throw error;
      },
    },
  };
}
