/**
 * What counts as an exercise in a chapter's Markdown, and the authoring mistakes the
 * collector reports (with lines).
 */
import { describe, expect, it } from 'vitest';
import { readChapterExercises } from '../../src/cells/exercise/chapter-exercises.ts';

const fence = (info: string, body: string) => `\`\`\`${info}\n${body}\n\`\`\``;

describe('collectExercises', () => {
  it('groups the starter, checks, solution and hints, in any order, with the run cells above as context', () => {
    const text = [
      '---\ntitle: T\ndescription: D\norder: 1\n---',
      fence('ts run', "import { tensor } from '@loss';\nconst x = tensor([1, 2]);"),
      fence('output', 'nothing'),
      fence('ts exercise timeout=2000', 'function f() {\n  return 0;\n}'),
      '**Hints**',
      '1. first\n2. second `code`',
      fence('ts solution', 'function f() {\n  return 1;\n}'),
      fence('ts check', "import { check } from '@exercise';\ncheck('one', () => f() === 1);"),
      fence('ts check', "check('two', () => f() !== 2);"),
      fence('ts run', 'console.log(2);'),
    ].join('\n\n');
    const { exercises, problems } = readChapterExercises(text);
    expect(problems).toEqual([]);
    expect(exercises).toHaveLength(1);
    const [e] = exercises;
    expect(e.line).toBe(16);
    expect(e.starter).toBe('function f() {\n  return 0;\n}');
    expect(e.solution).toBe('function f() {\n  return 1;\n}');
    expect(e.spec.timeout).toBe(2000);
    expect(e.spec.checks).toEqual([
      "import { check } from '@exercise';\ncheck('one', () => f() === 1);",
      "check('two', () => f() !== 2);",
    ]);
    expect(e.spec.context).toEqual([
      { code: "import { tensor } from '@loss';\nconst x = tensor([1, 2]);", throws: false, timeout: 5000 },
    ]);
    expect(e.found.hints?.children).toHaveLength(2);
    expect(e.found.span).toBe(6);
  });

  it('reports a missing check, a second solution, a hints line without a list and a bad flag', () => {
    const text = [
      fence('ts exercise fast', 'let a = 1;'),
      fence('ts solution', 'let a = 2;'),
      fence('ts solution', 'let a = 3;'),
      'Hints:',
      'No list here.',
    ].join('\n\n');
    const { problems } = readChapterExercises(text);
    expect(problems).toEqual([
      {
        line: 1,
        message:
          'unknown exercise flag "fast": an exercise fence is ```ts exercise, optionally with timeout=<ms>',
      },
      {
        line: 1,
        message:
          "this exercise has no ```ts check fence after it: add one that calls check(...) from '@exercise', so a reader's Run can say what is right",
      },
      { line: 9, message: 'this exercise (line 1) has a second ```ts solution fence: keep one' },
      { line: 13, message: 'a "Hints:" line must be followed by a list of hints (1. … 2. …)' },
    ]);
  });
});
