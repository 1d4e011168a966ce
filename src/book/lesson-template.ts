/**
 * The text of a new lesson (`npm run new-lesson -- "Title"`): valid frontmatter, one
 * runnable cell with its recorded output, and one exercise, each with a line on how it
 * works. The cell's output is what the book's runtime prints (tests/book/new-lesson.test.ts
 * runs it, and the exercise's solution and starter, through the same runtime).
 */

export interface LessonTemplateOptions {
  title: string;
  order: number;
  /** Ids of the existing chapters, for the comment beside `prerequisites`. */
  knownIds: readonly string[];
  /** The ids of book.config.ts's parts: the lesson joins the last one (none: no `part` line). */
  parts?: readonly string[];
}

/** YAML for a one-line string: plain when safe, otherwise double-quoted. */
export function yamlString(s: string): string {
  const plain = /^[A-Za-z0-9(][^:#\n"'`{}[\],&*!|>%@]*$/.test(s) && !/\s$/.test(s);
  return plain ? s : JSON.stringify(s);
}

export function lessonTemplate({ title, order, knownIds, parts = [] }: LessonTemplateOptions): string {
  const example = knownIds.length > 0 ? ` e.g. [${knownIds[knownIds.length - 1]}]` : '';
  const part =
    parts.length > 0
      ? `part: ${parts[parts.length - 1]} # the part (week, unit) it belongs to, one of: ${parts.join(', ')} (book.config.ts)\n`
      : '';
  return `---
title: ${yamlString(title)}
description: One sentence on what this lesson teaches; it appears in the table of contents.
order: ${order}
objectives:
  - Say what a reader can do after this lesson, one line each.
prerequisites: [] # ids of chapters to read first (file names without .mdx),${example}
${part}---

{/* Started by \`npm run new-lesson\`. The "Writing lessons" page of the site explains
    cells, exercises, \`npm run record\`, the tests and publishing. */}

## A cell you can run

A fence marked \`ts run\` is a cell: the reader can edit and run it. The \`output\` fence
after it holds what the cell prints; \`npm run record\` rewrites it and \`npm test\` checks it.

\`\`\`ts run
import { tensor, softmax, crossEntropy } from '@loss';
const logits = tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]]);
const target = tensor([0, 2]);
console.log(crossEntropy(logits, target));
\`\`\`

\`\`\`output
tensor(0.1755)
\`\`\`

## Exercise: the first example's loss by hand

Cross-entropy is minus the log of the probability that softmax gives the target class.
Write \`firstLoss()\` so that it returns the loss of the first example above, whose target is
class 0, without calling \`crossEntropy\`.

\`\`\`ts exercise
function firstLoss(): number {
  return 0; // replace this line
}
\`\`\`

\`\`\`ts check
import { check, expectClose } from '@exercise';
const expected = crossEntropy(tensor([[2.0, 0.5, -1.0]]), tensor([0]));
check('firstLoss() returns the cross-entropy of the first example', () =>
  expectClose(firstLoss(), expected, { atol: 1e-4, rtol: 0, what: 'your loss' }));
\`\`\`

\`\`\`ts solution
function firstLoss(): number {
  const probs = softmax(logits, 1).tolist() as number[][];
  return -Math.log(probs[0][0]);
}
\`\`\`

Hints:

1. \`softmax(logits, 1)\` turns each row of logits into probabilities.
2. \`.tolist()\` gives nested arrays; the first example's target probability is at \`[0][0]\`.
3. Return \`-Math.log(p)\` of that probability.
`;
}
