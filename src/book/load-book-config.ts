/**
 * Reads and checks book.config.ts for the build (./astro-integration.ts), `npm test`
 * (tests/book/book.test.ts) and `npm run new-lesson`: each problem comes back as
 * `book.config.ts:line: field: what is wrong: what to do`, in the list the build prints
 * for the chapters. The pages read the same file through ./book.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bookSchema, type BookConfig } from './book-config-schema.ts';
import type { BookProblem } from './validate-book.ts';

export const BOOK_CONFIG_FILE = 'book.config.ts';

export interface CheckedBookConfig {
  /** The parsed configuration, or null when it has a problem. */
  config: BookConfig | null;
  problems: BookProblem[];
}

/** Import `<root>/book.config.ts` and check it (with the files it names in `<root>/public/`). */
export async function loadBookConfig(root: string, file = BOOK_CONFIG_FILE): Promise<CheckedBookConfig> {
  const path = join(root, file);
  if (!existsSync(path)) {
    return fail(
      file,
      0,
      `the book's configuration is missing: create ${file} with \`export default defineBook({ title: '…', description: '…' })\` (see the "Writing lessons" guide)`,
    );
  }
  const source = readFileSync(path, 'utf8');
  let raw: unknown;
  try {
    // The query makes a changed file load afresh in a long-running process (astro dev).
    const module = (await import(`${pathToFileURL(path).href}?mtime=${statSync(path).mtimeMs}`)) as {
      default?: unknown;
    };
    raw = module.default;
  } catch (e) {
    return fail(
      file,
      lineOfError(e) ?? 1,
      `cannot be read (${firstLine(e)}): check the quotes, commas and braces around this line`,
    );
  }
  return checkBookConfig(raw, source, { file, publicDir: join(root, 'public') });
}

/** Check what book.config.ts exports; `source` is its text (for line numbers). */
export function checkBookConfig(
  raw: unknown,
  source: string,
  { file = BOOK_CONFIG_FILE, publicDir }: { file?: string; publicDir?: string } = {},
): CheckedBookConfig {
  if (raw === undefined || raw === null || typeof raw !== 'object') {
    return fail(
      file,
      1,
      `exports no configuration: end it with \`export default defineBook({ title: '…', description: '…' })\``,
    );
  }
  const result = bookSchema.safeParse(raw);
  const problems: BookProblem[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      const messages = issue.message.split('\n');
      keys.forEach((key, i) => {
        const path = key === undefined ? issue.path : [...issue.path, key];
        problems.push({
          file,
          line: fieldLine(source, path),
          message: `${fieldName(path)}: ${messages[i] ?? messages[0]}`,
        });
      });
    }
    return { config: null, problems };
  }
  const config = result.data;
  if (config.logo.kind === 'image' && publicDir && !existsSync(join(publicDir, config.logo.image))) {
    problems.push({
      file,
      line: fieldLine(source, ['logo', 'image']),
      message: `logo.image: public/${config.logo.image} does not exist: put the image in public/ or fix the file name`,
    });
  }
  return { config: problems.length ? null : config, problems };
}

/** A field's path as an instructor writes it: `home.cards[1].title`. */
export function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the configuration';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/**
 * The line of a field in the file's text: each key is looked for after the line of the key
 * before it; a list index `n` picks the (n+1)-th occurrence of the key that follows it (the
 * n-th item's field). Falls back to the last line found, then to line 1.
 */
export function fieldLine(source: string, path: readonly PropertyKey[]): number {
  const lines = source.split(/\r?\n/);
  let from = 0;
  let found = 0;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (typeof key !== 'string') continue;
    const index = typeof path[i - 1] === 'number' ? Number(path[i - 1]) : 0;
    const pattern = new RegExp(`(?:^|[\\s{,])['"]?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*:`);
    let seen = -1;
    let at = -1;
    for (let l = from; l < lines.length; l++) {
      if (isComment(lines[l])) continue;
      if (pattern.test(lines[l].replace(/\s\/\/.*$/, '')) && ++seen === index) {
        at = l;
        break;
      }
    }
    if (at < 0) break;
    from = at;
    found = at + 1;
  }
  return found || 1;
}

/** A line of a block comment (` * title: …` in a doc comment is not the field). */
function isComment(line: string): boolean {
  return /^\s*(?:\/\*|\*|\/\/)/.test(line);
}

function fail(file: string, line: number, message: string): CheckedBookConfig {
  return { config: null, problems: [{ file, line, message }] };
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0];
}

/** The line a syntax error names (`book.config.ts:12`), when it does. */
function lineOfError(e: unknown): number | undefined {
  const m = /book\.config\.ts:(\d+)/.exec(String((e as Error)?.stack ?? ''));
  return m ? Number(m[1]) : undefined;
}
