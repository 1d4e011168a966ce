/**
 * remark plugin: turns each exercise of a chapter (a ```ts exercise fence with its
 * ```ts check and ```ts solution fences and its hints, see ./collect-exercises.ts) into
 * an `<Exercise>` MDX element, rendered by components/Exercise.astro.
 *
 * At build time it runs the solution and the starter against the checks, in Node with
 * the browser's runtime: the build stops, naming file and line, when the solution fails
 * a check or the starter passes them all, and the page lists the checks by name before
 * the reader runs anything. Must run before remark-cells.ts, which replaces the
 * ```ts run fences that form each exercise's context.
 *
 * Element attributes (strings): index, starterCode, solutionCode, checkSources (JSON
 * array of the check fences' sources), context (JSON array of {code, throws, timeout}),
 * timeout (ms), names (JSON array of check names). (An attribute must not share a name
 * with a slot: Astro would drop it.) Children: divs for the slots starter, hints,
 * solution and checks, holding the original Markdown nodes (so Shiki highlights the
 * code and hints keep their formatting).
 */
import { relative } from 'node:path';
import type { Code, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { treeExercises } from './chapter-exercises.ts';
import { runExercise, type ExerciseResult } from './run-exercise.ts';
import { nodeRunner } from './run-exercise-node.ts';

/** The name of the MDX element; the chapter page maps it to components/Exercise.astro. */
export const EXERCISE_ELEMENT = 'Exercise';

export default function remarkExercises() {
  return async (tree: Root, file: { path?: string }) => {
    const shown = file.path ? relative(process.cwd(), file.path) : 'chapter';
    const { exercises, problems } = treeExercises(tree);
    const errors = problems.map((p) => `${shown}:${p.line}: ${p.message}`);
    if (exercises.length === 0 && errors.length === 0) return;

    const results = await Promise.all(
      exercises.map(async (e) => {
        const [started, solved] = await Promise.all([
          runExercise(e.spec, e.starter, nodeRunner),
          e.solution === null ? null : runExercise(e.spec, e.solution, nodeRunner),
        ]);
        return { started, solved };
      }),
    );
    exercises.forEach((e, n) => {
      const { started, solved } = results[n];
      if (solved && !solved.passed) {
        errors.push(
          `${shown}:${e.line}: the solution of this exercise does not pass its checks (${summary(solved)}): fix the solution or the checks; \`npm test\` shows the same`,
        );
      }
      if (started.checks.length > 0 && started.passed) {
        errors.push(
          `${shown}:${e.line}: the starter of this exercise already passes every check: give the reader something to do, or make the checks stricter`,
        );
      }
    });
    if (errors.length > 0) {
      // Normally caught earlier by the book check (src/book/astro-integration.ts).
      const error = Object.assign(new Error(`${errors.join('\n')}\n`), {
        line: Number(/:(\d+):/.exec(errors[0])?.[1] ?? 0),
        column: 1,
      });
      throw error;
    }

    // Replace from the last exercise back, so earlier indices stay valid.
    for (let n = exercises.length - 1; n >= 0; n--) {
      const e = exercises[n];
      const { found } = e;
      const names = results[n].started.checks.map((c) => c.name);
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
      const element: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: EXERCISE_ELEMENT,
        attributes: [
          attr('index', String(n)),
          attr('starterCode', e.starter),
          attr('solutionCode', e.solution ?? ''),
          attr('checkSources', JSON.stringify(e.spec.checks)),
          attr('context', JSON.stringify(e.spec.context)),
          attr('timeout', String(e.spec.timeout)),
          attr('names', JSON.stringify(names)),
        ],
        children,
        position: found.starter.position,
      };
      found.parent.children.splice(found.index, found.span, element as never);
    }
  };
}

function summary(r: ExerciseResult): string {
  const failed = r.checks.filter((c) => !c.passed).map((c) => `"${c.name}": ${c.message}`);
  return [...r.problems, ...failed].join('; ') || 'no check ran';
}

function attr(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}
