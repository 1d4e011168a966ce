/**
 * Checks the whole book before it is built or tested, and says what is wrong as
 * `file:line: what is wrong: what to do`. Run by the build (./astro-integration.ts, before
 * Astro loads the content collection, so a bad lesson never reaches Astro's own stack
 * traces) and by `npm test` (tests/book/book.test.ts).
 *
 * Per chapter: the frontmatter exists, is YAML, and fits ./chapter-schema.ts; the file
 * name is a usable id; the MDX parses, cell flags are known and exercises have all their
 * parts (./validate-body.ts). Across chapters (what a per-entry schema cannot see): no two
 * chapters share an `order`; every prerequisite names a chapter that exists and comes
 * earlier in the book; each chapter's `part` is one that book.config.ts declares, and the
 * orders keep each part's chapters together.
 *
 * What cells print, and whether exercises' solutions and starters do what they should, is
 * checked by running them: src/lesson/ (the build's ./check-runs.ts, and the doc-tests).
 */
import { CHAPTER_KEYS, chapterSchema, type ChapterData } from './chapter-schema.ts';
import { lineOf, readChapters, type ChapterFile } from './read-chapters.ts';
import { validateBody } from './validate-body.ts';
import { closest as closestId } from './closest.ts';

export interface BookProblem {
  file: string;
  line: number;
  message: string;
}

/** What the chapters are checked against from book.config.ts (left out: parts are not checked). */
export interface BookOutline {
  /** The ids of the parts book.config.ts declares, in order (none: a book without parts). */
  parts: readonly string[];
  /** How messages name the configuration file. */
  configFile?: string;
}

/** The problems of the chapters under `contentDir` (empty when the book is fine). */
export function validateBook(
  contentDir: string,
  displayRoot = process.cwd(),
  outline?: BookOutline,
): BookProblem[] {
  const chapters = readChapters(contentDir, displayRoot);
  if (chapters.length === 0) {
    return [
      { file: contentDir, line: 0, message: 'no chapters: add one with `npm run new-lesson -- "Title"`' },
    ];
  }
  return validateChapters(chapters, outline);
}

/** `file:line: message`, one problem a line, in file order. */
export function formatProblems(problems: readonly BookProblem[]): string {
  return [...problems]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
    .map((p) => `${p.file}:${p.line}: ${p.message}`)
    .join('\n');
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The checks, on chapters already read (tests feed sources without files). */
export function validateChapters(chapters: readonly ChapterFile[], outline?: BookOutline): BookProblem[] {
  const problems: BookProblem[] = [];
  const rawOrders = chapters
    .map((c) => c.frontmatter?.order)
    .filter((o): o is number => typeof o === 'number');
  const nextFree = Math.floor(Math.max(0, ...rawOrders)) + 1;
  const valid: { chapter: ChapterFile; data: ChapterData }[] = [];

  for (const chapter of chapters) {
    const badSegment = chapter.id.split('/').find((s) => !ID.test(s));
    if (badSegment !== undefined) {
      const suggested = chapter.id.split('/').map(toId).join('/');
      problems.push({
        file: chapter.file,
        line: 1,
        message: `the file name "${chapter.id}.mdx" cannot be a chapter id (it becomes the chapter's URL): rename the file to "${suggested}.mdx" (lower-case letters, digits and dashes)`,
      });
    }
    if (chapter.frontmatterError) {
      problems.push({ file: chapter.file, ...chapter.frontmatterError });
      continue;
    }
    const result = chapterSchema.safeParse(chapter.frontmatter ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
        for (const key of keys) {
          const path = key === undefined ? issue.path : [key];
          let message = messageOf(issue.message, path, key);
          if (path[0] === 'order') message += `; the first one after the last chapter is ${nextFree}`;
          problems.push({ file: chapter.file, line: lineOf(chapter, path), message });
        }
      }
      continue;
    }
    valid.push({ chapter, data: result.data });
  }

  for (const chapter of chapters) {
    if (chapter.frontmatterError) continue;
    for (const p of validateBody(chapter)) problems.push({ file: chapter.file, ...p });
  }

  const byId = new Map(chapters.map((c) => [c.id, c]));
  const orderOf = new Map(valid.map(({ chapter, data }) => [chapter.id, data.order]));

  // Duplicate order: reported on every chapter involved, naming the others.
  // Uses the raw frontmatter, so a chapter with another problem is still compared.
  const sharing = new Map<number, ChapterFile[]>();
  for (const chapter of chapters) {
    const order = chapter.frontmatter?.order;
    if (typeof order === 'number' && Number.isInteger(order) && order > 0) {
      sharing.set(order, [...(sharing.get(order) ?? []), chapter]);
    }
  }
  for (const [order, group] of sharing) {
    if (group.length < 2) continue;
    for (const chapter of group) {
      const others = group.filter((c) => c !== chapter).map((c) => `${c.file}:${lineOf(c, ['order'])}`);
      problems.push({
        file: chapter.file,
        line: lineOf(chapter, ['order']),
        message: `order ${order} is also used by ${others.join(', ')}: each chapter needs its own order; the first one after the last chapter is ${nextFree}`,
      });
    }
  }

  for (const { chapter, data } of valid) {
    data.prerequisites.forEach((prereq, i) => {
      const line = lineOf(chapter, ['prerequisites', i]);
      if (prereq === chapter.id) {
        problems.push({
          file: chapter.file,
          line,
          message: `"${prereq}" lists itself as a prerequisite: remove it`,
        });
      } else if (!byId.has(prereq)) {
        const close = closestId(prereq, [...byId.keys()]);
        problems.push({
          file: chapter.file,
          line,
          message: `unknown prerequisite "${prereq}": ${close ? `did you mean "${close}"? ` : ''}a prerequisite is the id of another chapter, its file name in content/ without .mdx (known: ${[...byId.keys()].join(', ')})`,
        });
      } else {
        const theirs = orderOf.get(prereq);
        if (theirs !== undefined && theirs > data.order) {
          problems.push({
            file: chapter.file,
            line,
            message: `prerequisite "${prereq}" (order ${theirs}) comes after this chapter (order ${data.order}): a reader meets chapters in order, so give "${prereq}" a smaller order or drop it from the prerequisites`,
          });
        }
      }
    });
  }
  if (outline) problems.push(...partProblems(valid, outline));
  return problems;
}

/**
 * Parts: a chapter names a part book.config.ts declares (all do, once it declares any), and
 * `order` keeps each part's chapters together in the config's order of parts, so the reading
 * order (by `order`) and the contents (by part) agree.
 */
function partProblems(
  valid: readonly { chapter: ChapterFile; data: ChapterData }[],
  { parts, configFile = 'book.config.ts' }: BookOutline,
): BookProblem[] {
  const problems: BookProblem[] = [];
  const known = parts.join(', ');
  for (const { chapter, data } of valid) {
    const line = lineOf(chapter, ['part']);
    if (data.part === undefined) {
      if (parts.length > 0) {
        problems.push({
          file: chapter.file,
          line,
          message: `this chapter has no \`part\`: ${configFile} groups the chapters into parts, so add a line such as \`part: ${parts[0]}\` to the frontmatter (known: ${known})`,
        });
      }
    } else if (parts.length === 0) {
      problems.push({
        file: chapter.file,
        line,
        message: `\`part: ${data.part}\` names a part, but ${configFile} declares none: add \`parts: [{ id: '${data.part}', title: '…' }]\` to ${configFile}, or remove this line`,
      });
    } else if (!parts.includes(data.part)) {
      const close = closestId(data.part, parts);
      problems.push({
        file: chapter.file,
        line,
        message: `unknown part "${data.part}": ${close ? `did you mean "${close}"? ` : ''}a chapter's part is the id of one of the parts in ${configFile} (known: ${known})`,
      });
    }
  }
  const placed = valid
    .filter(({ data }) => data.part !== undefined && parts.includes(data.part))
    .map(({ chapter, data }) => ({
      chapter,
      order: data.order,
      part: data.part!,
      index: parts.indexOf(data.part!),
    }));
  for (const a of placed) {
    const later = placed
      .filter((b) => b.index < a.index && b.order > a.order)
      .sort((x, y) => x.order - y.order)[0];
    if (later) {
      problems.push({
        file: a.chapter.file,
        line: lineOf(a.chapter, ['order']),
        message: `order ${a.order} puts this chapter (part ${a.part}) before "${later.chapter.id}" (order ${later.order}, part ${later.part}), but ${configFile} lists part ${later.part} first: give this chapter an order above ${later.order}, or change its part`,
      });
    }
  }
  return problems;
}

function messageOf(message: string, path: readonly PropertyKey[], key: string | undefined): string {
  if (key !== undefined) {
    const known = Object.keys(CHAPTER_KEYS);
    const close = closestId(key, known);
    return `unknown frontmatter key \`${key}\`: ${close ? `did you mean \`${close}\`? ` : ''}a chapter's frontmatter has only ${known.join(', ')}`;
  }
  return path.length > 1 ? `${message} (item ${Number(path[1]) + 1})` : message;
}

/** A file name made into an id: "Soft Max!" -> "soft-max". */
export function toId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
