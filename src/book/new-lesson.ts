/**
 * Creates a lesson file from a title: content/<id>.mdx with the next free `order` and
 * the template of ./lesson-template.ts. Refuses to overwrite a file and refuses an id
 * another chapter already has. Used by scripts/new-lesson.ts (`npm run new-lesson`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lessonTemplate } from './lesson-template.ts';
import { readChapters } from './read-chapters.ts';
import { toId } from './validate-book.ts';

/** A mistake in the request, with a message that says what to do (no stack needed). */
export class LessonError extends Error {}

export interface NewLessonRequest {
  title: string;
  /** The file name without .mdx; by default made from the title. */
  id?: string;
  contentDir: string;
  /** What the printed path is relative to. */
  displayRoot?: string;
  /** The ids of book.config.ts's parts (the lesson joins the last one). */
  parts?: readonly string[];
}

export interface NewLesson {
  id: string;
  /** The created file, relative to displayRoot. */
  file: string;
  order: number;
}

export function createLesson(request: NewLessonRequest): NewLesson {
  const title = request.title.trim().replace(/\s+/g, ' ');
  if (title === '') {
    throw new LessonError('give the lesson a title: npm run new-lesson -- "Softmax, step by step"');
  }
  const id = request.id ?? toId(title);
  if (id === '') {
    throw new LessonError(
      `cannot make a file name from the title "${title}": add one with --id, e.g. npm run new-lesson -- "${title}" --id my-lesson`,
    );
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    throw new LessonError(
      `--id "${id}" is not a usable file name: use lower-case letters, digits and dashes, e.g. --id ${toId(id) || 'my-lesson'}`,
    );
  }
  const displayRoot = request.displayRoot ?? process.cwd();
  mkdirSync(request.contentDir, { recursive: true });
  const path = join(request.contentDir, `${id}.mdx`);
  const file = relative(displayRoot, path);
  const chapters = readChapters(request.contentDir, displayRoot);
  const same = chapters.find((c) => c.id === id);
  if (existsSync(path) || same) {
    const existing = same?.frontmatter?.title;
    throw new LessonError(
      `${file} already exists${typeof existing === 'string' ? ` (the chapter "${existing}")` : ''}; nothing was written. ` +
        `Edit that file, or choose another name: npm run new-lesson -- "${title}" --id ${id}-2`,
    );
  }
  const orders = chapters
    .map((c) => c.frontmatter?.order)
    .filter((o): o is number => typeof o === 'number' && Number.isFinite(o));
  const order = Math.floor(Math.max(0, ...orders)) + 1;
  const sorted = [...chapters].sort(
    (a, b) => Number(a.frontmatter?.order ?? 0) - Number(b.frontmatter?.order ?? 0),
  );
  writeFileSync(
    path,
    lessonTemplate({ title, order, knownIds: sorted.map((c) => c.id), parts: request.parts }),
    {
      flag: 'wx',
    },
  );
  return { id, file, order };
}
