/**
 * remark plugin: turns each exercise of a chapter (a ```ts exercise fence with its
 * ```ts check and ```ts solution fences and its hints, see ./collect-exercises.ts) into
 * an `<Exercise>` MDX element, rendered by components/Exercise.astro.
 *
 * The verdicts come from the chapter's run (src/lesson/run-cache.ts), made once per
 * build: the build stops, naming file and line, when the solution fails a check or the
 * starter passes them all (in the words of src/lesson/lesson-problems.ts), and the page
 * lists the checks by name before the reader runs anything. Must run before
 * remark-cells.ts, which replaces the ```ts run fences that form each exercise's context.
 *
 * The element carries the exercise's props (../page-props.ts) as they are; its children
 * are divs for the slots starter, hints, solution and checks, holding the original
 * Markdown nodes (so Shiki highlights the code and hints keep their formatting).
 */
import { relative } from 'node:path';
import type { Code, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { chapterRunOfFile } from '../../lesson/run-cache.ts';
import { propsElement } from '../mdx-props.ts';
import type { ExerciseProps } from '../page-props.ts';
import { treeExercises } from './chapter-exercises.ts';

/** The name of the MDX element; the chapter page maps it to components/Exercise.astro. */
export const EXERCISE_ELEMENT = 'Exercise';

export default function remarkExercises() {
  return async (tree: Root, file: { path?: string; value?: unknown }) => {
    const shown = file.path ? relative(process.cwd(), file.path) : 'chapter';
    const { exercises, problems } = treeExercises(tree);
    const errors = problems.map((p) => `${shown}:${p.line}: ${p.message}`);
    if (exercises.length === 0 && errors.length === 0) return;

    const run = await chapterRunOfFile(file);
    for (const p of run.problems) {
      if (p.kind === 'solution-fails' || p.kind === 'starter-passes')
        errors.push(`${shown}:${p.line}: ${p.message}`);
    }
    if (errors.length > 0) {
      // Normally caught earlier by the book check (src/book/astro-integration.ts).
      const error = Object.assign(new Error(`${errors.join('\n')}\n`), {
        line: Number(/:(\d+):/.exec(errors[0])?.[1] ?? 0),
        column: 1,
      });
      throw error;
    }
    if (run.exercises.length !== exercises.length) {
      throw new Error(`${shown}: internal: the exercises on the page differ from the exercises that ran`);
    }

    // Replace from the last exercise back, so earlier indices stay valid.
    for (let n = exercises.length - 1; n >= 0; n--) {
      const e = exercises[n];
      const { found } = e;
      const slot = (name: string, children: RootContent[]): MdxJsxFlowElement => ({
        type: 'mdxJsxFlowElement',
        name: 'div',
        attributes: [attr('slot', name)],
        children: children as MdxJsxFlowElement['children'],
      });
      const plain = (code: Code): Code => ({ ...code, lang: 'ts', meta: null });
      const children: MdxJsxFlowElement[] = [slot('starter', [plain(found.starter)])];
      if (found.hints) children.push(slot('hints', [found.hints]));
      if (found.solution) children.push(slot('solution', [plain(found.solution)]));
      children.push(slot('checks', found.checks.map(plain)));
      const props: ExerciseProps = {
        index: n,
        starterCode: e.starter,
        solutionCode: e.solution ?? '',
        spec: e.spec,
        checkNames: run.exercises[n].starter.checks.map((c) => c.name),
      };
      const element = propsElement(EXERCISE_ELEMENT, props, children, found.starter.position);
      found.parent.children.splice(found.index, found.span, element as never);
    }
  };
}

function attr(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}
