/**
 * `npm run new-lesson`: creates a valid lesson in a temp copy of content/, whose example
 * cell prints its recorded output and whose example exercise is solved by its solution
 * and not by its starter; refuses to overwrite; reports name collisions and bad input.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLesson, LessonError } from '../../src/book/new-lesson.ts';
import { formatProblems, validateBook } from '../../src/book/validate-book.ts';
import { readChapterExercises } from '../../src/cells/exercise/chapter-exercises.ts';
import { runChapter } from '../../src/lesson/run-chapter.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Each CLI run starts Node and loads the frontmatter parser: ~1 s, more on a busy machine. */
const CLI_TIMEOUT = 60_000;
let dir = '';
let content = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'new-lesson-'));
  content = join(dir, 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Run the CLI as `npm run new-lesson` does, on the temp content folder. */
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts/new-lesson.ts'), ...args, '--content-dir', content],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, BASE_PATH: '', SITE_URL: '', ...env },
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('new-lesson', () => {
  it(
    'creates content/<slug>.mdx with the next free order, and prints its path and URL',
    () => {
      const r = cli(['Focal loss: down-weighting easy examples']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Created content/focal-loss-down-weighting-easy-examples.mdx (order 4).');
      expect(r.stdout).toContain(
        'It will appear at http://localhost:4321/focal-loss-down-weighting-easy-examples/ after the next build (npm start, or npm run dev for live reload).',
      );
      const text = readFileSync(join(content, 'focal-loss-down-weighting-easy-examples.mdx'), 'utf8');
      expect(text).toMatch(/^---\ntitle: "Focal loss: down-weighting easy examples"\n/);
      expect(text).toContain('\norder: 4\n');
      expect(formatProblems(validateBook(content, dir))).toBe('');
    },
    CLI_TIMEOUT,
  );

  it(
    'prints the published URL when SITE_URL and BASE_PATH are set',
    () => {
      const r = cli(['Label smoothing'], {
        SITE_URL: 'https://someone.github.io',
        BASE_PATH: 'cross-entropy-book',
      });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(
        'It will appear at https://someone.github.io/cross-entropy-book/label-smoothing/',
      );
    },
    CLI_TIMEOUT,
  );

  it('writes a cell whose recorded output is what the runtime prints, and a working exercise', async () => {
    const lesson = createLesson({ title: 'Focal loss', contentDir: content, displayRoot: dir });
    expect(lesson).toEqual({ id: 'focal-loss', file: 'content/focal-loss.mdx', order: 4 });
    const text = readFileSync(join(content, 'focal-loss.mdx'), 'utf8');

    const { exercises, problems } = readChapterExercises(text);
    expect(problems).toEqual([]);
    expect(exercises).toHaveLength(1);
    expect(exercises[0].found.hints?.children.length).toBeGreaterThan(0);
    // The build's run and rules: every cell prints its fence, the solution passes, the starter does not.
    const run = await runChapter(text);
    expect(run.cells.length).toBeGreaterThan(0);
    expect(run.problems).toEqual([]);
    expect(run.exercises[0].solution?.passed).toBe(true);
    expect(run.exercises[0].starter.checks.some((c) => !c.passed)).toBe(true);
  }, 60_000);

  it(
    'refuses to overwrite an existing lesson and leaves it untouched',
    () => {
      const path = join(content, 'binary-cross-entropy.mdx');
      const before = readFileSync(path, 'utf8');
      const r = cli(['Binary Cross-Entropy']);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toBe(
        'new-lesson: content/binary-cross-entropy.mdx already exists (the chapter "Binary cross-entropy"); nothing was written. ' +
          'Edit that file, or choose another name: npm run new-lesson -- "Binary Cross-Entropy" --id binary-cross-entropy-2',
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(path, 'utf8')).toBe(before);
    },
    CLI_TIMEOUT,
  );

  it(
    'reports a slug collision between two titles, and accepts --id to resolve it',
    () => {
      expect(cli(['Softmax, step by step']).status).toBe(0);
      const again = cli(['Softmax: step by step!']);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain(
        'content/softmax-step-by-step.mdx already exists (the chapter "Softmax, step by step")',
      );
      const resolved = cli(['Softmax: step by step!', '--id', 'softmax-again']);
      expect(resolved.status).toBe(0);
      expect(resolved.stdout).toContain('Created content/softmax-again.mdx (order 5).');
    },
    CLI_TIMEOUT,
  );

  it(
    'explains a missing title, a title without letters, a bad --id and a bad SITE_URL',
    () => {
      expect(cli([]).stderr).toMatch(
        /^new-lesson: give the lesson a title\.\nusage: npm run new-lesson -- "Title of the lesson"/,
      );
      expect(cli(['Two', 'words']).stderr.trim()).toBe(
        'new-lesson: give the title as one argument, in quotes: npm run new-lesson -- "Two words"',
      );
      expect(cli(['!!!']).stderr.trim()).toBe(
        'new-lesson: cannot make a file name from the title "!!!": add one with --id, e.g. npm run new-lesson -- "!!!" --id my-lesson',
      );
      expect(cli(['Fine', '--id', 'Not OK']).stderr.trim()).toBe(
        'new-lesson: --id "Not OK" is not a usable file name: use lower-case letters, digits and dashes, e.g. --id not-ok',
      );
      const badSite = cli(['Fine'], { SITE_URL: 'someone.github.io' });
      expect(badSite.status).toBe(1);
      expect(badSite.stderr.trim()).toBe(
        'new-lesson: SITE_URL="someone.github.io" is not a URL: write it with its scheme, e.g. SITE_URL=https://you.github.io',
      );
    },
    CLI_TIMEOUT,
  );

  it('throws a LessonError (not a crash) when the file appears between the check and the write', () => {
    writeFileSync(join(content, 'race.mdx'), 'x');
    expect(() => createLesson({ title: 'Race', contentDir: content, displayRoot: dir })).toThrow(LessonError);
  });
});
