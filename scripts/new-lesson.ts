/**
 * npm run new-lesson -- "Title of the lesson" [--id file-name] [--content-dir content]
 *
 * Creates content/<id>.mdx (id made from the title unless --id is given) with valid
 * frontmatter, the next free order, an example cell with its output and an example
 * exercise, then prints the file and the URL where the lesson will appear (SITE_URL and
 * BASE_PATH are honoured, as in the build). Never overwrites a file. Exits 1 with a
 * one-line message on any mistake.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLesson, LessonError } from '../src/book/new-lesson.ts';
import { basePath, chapterUrl, siteUrl } from '../src/book/site-address.ts';
import { loadBookConfig } from '../src/book/load-book-config.ts';

const root = resolve(import.meta.dirname, '..');
const usage = 'usage: npm run new-lesson -- "Title of the lesson" [--id file-name]';

try {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        id: { type: 'string' },
        'content-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new LessonError(`${(e as Error).message}\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (positionals.length !== 1) {
    throw new LessonError(
      positionals.length === 0
        ? `give the lesson a title.\n${usage}`
        : `give the title as one argument, in quotes: npm run new-lesson -- "${positionals.join(' ')}"`,
    );
  }
  const address = { base: basePath(), site: siteUrl() };
  // A book with parts: the new lesson joins the last part (a broken config adds no part line).
  const { config } = await loadBookConfig(root);
  const lesson = createLesson({
    title: positionals[0],
    id: values.id,
    contentDir: resolve(values['content-dir'] ?? resolve(root, 'content')),
    parts: config?.parts.map((p) => p.id),
  });
  const url = chapterUrl(lesson.id, address);
  const part = config?.parts.at(-1);
  console.log(
    `Created ${lesson.file} (order ${lesson.order}${part ? `, in the part "${part.title}"` : ''}).`,
  );
  console.log(`It will appear at ${url} after the next build (npm start, or npm run dev for live reload).`);
  console.log('Next: edit it (`npm run dev` shows it as you write), `npm run record` to record the');
  console.log('outputs of its cells, then `npm test`. The "Writing lessons" page explains the syntax.');
} catch (e) {
  if (!(e instanceof LessonError) && !(e instanceof Error && /^(BASE_PATH|SITE_URL)=/.test(e.message)))
    throw e;
  console.error(`new-lesson: ${e.message}`);
  process.exit(1);
}
