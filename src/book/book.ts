/**
 * The book's configuration as the pages read it: book.config.ts, checked and with its
 * defaults filled in. The build has already reported any problem in the file as
 * `book.config.ts:line: …` (./load-book-config.ts) before a page is rendered.
 */
import raw from '../../book.config.ts';
import { bookSchema } from './book-config-schema.ts';

export const book = bookSchema.parse(raw);
