/**
 * Reads the chapter files of a content folder with their frontmatter and enough line
 * information to point a message at the right line. Frontmatter is parsed by the same
 * function Astro uses (`parseFrontmatter` of @astrojs/markdown-remark, i.e. js-yaml),
 * so what passes here parses the same way in the build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';

export interface ChapterFile {
  /** The chapter's id: its path under the content folder, without `.mdx`, `/`-separated. */
  id: string;
  /** The path shown in messages (relative to the display root). */
  file: string;
  source: string;
  /** The parsed frontmatter, or null when it is missing or is not valid YAML. */
  frontmatter: Record<string, unknown> | null;
  /** The frontmatter's lines (between the `---` lines); line 1 of the file is the opening `---`. */
  frontmatterLines: string[];
  /** Why the frontmatter could not be read, with the file line at fault. */
  frontmatterError: { line: number; message: string } | null;
}

/** Every `.mdx` file under `contentDir`, sorted by path. */
export function listChapterFiles(contentDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.mdx')) out.push(path);
    }
  };
  walk(contentDir);
  return out;
}

/** Read every chapter under `contentDir`; `displayRoot` is what message paths are relative to. */
export function readChapters(contentDir: string, displayRoot = process.cwd()): ChapterFile[] {
  return listChapterFiles(contentDir).map((path) =>
    readChapter(
      relative(contentDir, path)
        .split(sep)
        .join('/')
        .replace(/\.mdx$/, ''),
      relative(displayRoot, path).split(sep).join('/'),
      readFileSync(path, 'utf8'),
    ),
  );
}

/** Parse one chapter's source (no file access: the tests feed sources directly). */
export function readChapter(id: string, file: string, source: string): ChapterFile {
  const chapter: ChapterFile = {
    id,
    file,
    source,
    frontmatter: null,
    frontmatterLines: [],
    frontmatterError: null,
  };
  const text = source.replace(/\r\n/g, '\n');
  const match = /^\uFEFF?---[ \t]*\n([\s\S]*?\n)?---[ \t]*(\n|$)/.exec(text);
  if (!match) {
    chapter.frontmatterError = {
      line: 1,
      message: text.startsWith('---')
        ? 'the frontmatter is not closed: add a line `---` after its last key'
        : 'the file has no frontmatter: start it with a `---` line, the keys title, description, order, objectives, prerequisites, and another `---` line (or create lessons with `npm run new-lesson -- "Title"`)',
    };
    return chapter;
  }
  chapter.frontmatterLines = match[1] ? match[1].replace(/\n$/, '').split('\n') : [];
  try {
    const parsed = parseFrontmatter(text).frontmatter;
    chapter.frontmatter = parsed;
  } catch (e) {
    const err = e as { mark?: { line?: number }; reason?: string; message?: string };
    chapter.frontmatterError = {
      // js-yaml counts from 0 and its input starts with the rest of the opening `---` line.
      line: (err.mark?.line ?? 0) + 1,
      message: `the frontmatter is not valid YAML (${err.reason ?? err.message ?? String(e)}): check the colons, quotes and indentation on this line; a value containing ": " must be quoted`,
    };
  }
  return chapter;
}

/**
 * The file line of a frontmatter key (`path[0]`), or of the `index`-th item of a block
 * list under it (`path[1]`). Falls back to the key's line, then to line 1 (`---`).
 */
export function lineOf(chapter: ChapterFile, path: readonly PropertyKey[]): number {
  const lines = chapter.frontmatterLines;
  const key = path[0];
  if (typeof key !== 'string') return 1;
  const at = lines.findIndex((l) => new RegExp(`^${escapeRegExp(key)}\\s*:`).test(l));
  if (at < 0) return 1;
  const index = path[1];
  if (typeof index === 'number') {
    let seen = -1;
    for (let i = at + 1; i < lines.length && /^(\s+|-)/.test(lines[i]); i++) {
      if (/^\s*-\s/.test(lines[i]) || /^\s*-$/.test(lines[i])) seen += 1;
      if (seen === index) return i + 2;
    }
  }
  return at + 2;
}

/** The file line just after the frontmatter's closing `---` (where the body starts). */
export function bodyStartLine(chapter: ChapterFile): number {
  return chapter.frontmatterLines.length + 3;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
