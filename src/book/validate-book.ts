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
 * earlier in the book.
 *
 * What cells print, and whether exercises' solutions and starters do what they should, is
 * checked by running them: src/lesson/ (the build's ./check-runs.ts, and the doc-tests).
 */
import { chapterSchema, type ChapterData } from './chapter-schema.ts';
import { lineOf, readChapters, type ChapterFile } from './read-chapters.ts';
import { validateBody } from './validate-body.ts';

export interface BookProblem {
  file: string;
  line: number;
  message: string;
}

/** The problems of the chapters under `contentDir` (empty when the book is fine). */
export function validateBook(contentDir: string, displayRoot = process.cwd()): BookProblem[] {
  const chapters = readChapters(contentDir, displayRoot);
  if (chapters.length === 0) {
    return [
      { file: contentDir, line: 0, message: 'no chapters: add one with `npm run new-lesson -- "Title"`' },
    ];
  }
  return validateChapters(chapters);
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
export function validateChapters(chapters: readonly ChapterFile[]): BookProblem[] {
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
  return problems;
}

function messageOf(message: string, path: readonly PropertyKey[], key: string | undefined): string {
  if (key !== undefined) {
    const known = ['title', 'description', 'order', 'objectives', 'prerequisites'];
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

/** The known id nearest to `id` when it is a plausible typo of it, else undefined. */
function closestId(id: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = k.includes(id) || id.includes(k) ? Math.abs(k.length - id.length) / 2 : editDistance(id, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, best.length / 3) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
