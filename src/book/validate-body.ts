/**
 * Checks the body of a chapter that Astro would otherwise report with a stack trace, or
 * not at all: MDX that does not parse, unknown cell flags (```ts run trows), and
 * exercises that are missing a part (./../cells/exercise/collect-exercises.ts).
 * Whether cells print their recorded output, and whether exercises' solutions pass, is
 * for the doc-tests and the build's remark plugin, which run them.
 */
import { createProcessor } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import type { Root } from 'mdast';
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
    return [{
      line: err.line ?? 1,
      message: `MDX cannot read this (${err.reason ?? err.message}): in text, write \\{ for a literal brace and &lt; for <; close every component tag (<PixelLossTable ... />)`,
    }];
  }
  const problems: BodyProblem[] = [];
  try {
    collectCells(tree);
  } catch (e) {
    const m = /^line (\d+): (.*)$/s.exec((e as Error).message);
    problems.push({ line: m ? Number(m[1]) : 1, message: `${m ? m[2] : (e as Error).message}: fix the fence's first line, e.g. \`\`\`ts run or \`\`\`ts run throws` });
  }
  problems.push(...collectExercises(tree).problems);
  return problems;
}
