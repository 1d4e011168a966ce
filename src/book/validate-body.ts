/**
 * Checks the body of a chapter that Astro would otherwise report with a stack trace, or
 * not at all: MDX that does not parse, braces in prose that MDX reads as JavaScript
 * ("a loss {roughly} below 0.1" fails the build with `roughly is not defined`), unknown
 * cell flags (```ts run trows), and exercises that are missing a part
 * (./../cells/exercise/collect-exercises.ts).
 * Whether cells print their recorded output, and whether exercises' solutions pass, is
 * for the chapter's run (src/lesson/), which the build's book check and the doc-tests read.
 */
import { createProcessor } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { blankFrontmatter } from '../cells/chapter-cells.ts';
import { collectCells } from '../cells/collect-cells.ts';
import { collectExercises } from '../cells/exercise/collect-exercises.ts';
import type { ChapterFile } from './read-chapters.ts';

export interface BodyProblem {
  line: number;
  message: string;
}

export function validateBody(chapter: ChapterFile): BodyProblem[] {
  const { body } = blankFrontmatter(chapter.source);
  let tree: Root;
  try {
    tree = createProcessor({ remarkPlugins: [remarkMath] }).parse(body) as Root;
  } catch (e) {
    const err = e as { line?: number; reason?: string; message?: string };
    return [
      {
        line: err.line ?? 1,
        message: `MDX cannot read this (${err.reason ?? err.message}): in text, write \\{ for a literal brace and &lt; for <; close every component tag (<PixelLossTable ... />)`,
      },
    ];
  }
  const problems: BodyProblem[] = [...proseExpressions(tree)];
  try {
    collectCells(tree);
  } catch (e) {
    const m = /^line (\d+): (.*)$/s.exec((e as Error).message);
    problems.push({
      line: m ? Number(m[1]) : 1,
      message: `${m ? m[2] : (e as Error).message}: fix the fence's first line, e.g. \`\`\`ts run or \`\`\`ts run throws`,
    });
  }
  problems.push(...collectExercises(tree).problems);
  return problems;
}

/**
 * `{...}` in text or on a line of its own is an MDX expression: JavaScript evaluated when
 * the page renders. Comments (`{/* ... *\/}`) and literals (`{"{"}`) are harmless; anything
 * else in a chapter is almost always a brace meant as text. Expressions in JSX attributes
 * (`<PixelLossTable rows={...} />`) are other node types and are not looked at.
 */
function proseExpressions(tree: Root): BodyProblem[] {
  const problems: BodyProblem[] = [];
  visit(tree, (node) => {
    if (node.type !== 'mdxTextExpression' && node.type !== 'mdxFlowExpression') return;
    const expr = node as unknown as {
      value: string;
      position?: { start: { line: number } };
      data?: { estree?: { body: Array<{ type: string; expression?: { type: string } }> } };
    };
    const body = expr.data?.estree?.body;
    const harmless =
      body !== undefined &&
      body.every((s) => s.type === 'ExpressionStatement' && s.expression?.type === 'Literal');
    if (harmless) return;
    const text = `{${expr.value}}`;
    problems.push({
      line: expr.position?.start.line ?? 1,
      message: `${text} is read by MDX as JavaScript; to show braces write \\{${expr.value}\\} (or put it in \`code\` or $math$)`,
    });
  });
  return problems;
}
