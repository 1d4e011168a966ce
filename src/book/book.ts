/**
 * The book's configuration as the pages read it: book.config.ts, checked and with its
 * defaults filled in. The build has already reported any problem in the file as
 * `book.config.ts:line: …` (./load-book-config.ts) before a page is rendered; `astro dev`
 * shows the same list if the file goes wrong while it runs.
 */
import raw from '../../book.config.ts';
import source from '../../book.config.ts?raw';
import { checkBookConfig } from './load-book-config.ts';
import { formatProblems } from './validate-book.ts';

const checked = checkBookConfig(raw, source);
if (!checked.config) {
  throw new Error(`book.config.ts needs fixing:\n${formatProblems(checked.problems)}`);
}

export const book = checked.config;
