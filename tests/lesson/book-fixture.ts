/**
 * A generated book for the pipeline's tests: `n` small chapters, each with cells whose
 * outputs are known without running them (arithmetic, and a cross-entropy computed by
 * hand: -log(e^3 / (e^1 + e^2 + e^3)) = 0.40760596, printed by PyTorch as
 * tensor(0.4076)) and an exercise whose starter fails and whose solution passes.
 */

/** The text cell k of chapter `order` prints. */
export const doubled = (order: number) => String(order * 2);

export function fixtureChapter(order: number): string {
  return `---
title: Chapter ${order}
description: A generated chapter for the pipeline's tests.
order: ${order}
---

Chapter ${order} doubles its number.

\`\`\`ts run
const n = ${order};
console.log(n * 2);
\`\`\`

\`\`\`output
${doubled(order)}
\`\`\`

And computes a loss.

\`\`\`ts run
import { tensor, crossEntropy } from '@loss';
console.log(crossEntropy(tensor([[1, 2, 3]], { dtype: 'float32' }), tensor([2])));
\`\`\`

\`\`\`output
tensor(0.4076)
\`\`\`

\`\`\`ts exercise
function triple(x: number): number {
  return x;
}
\`\`\`

\`\`\`ts check
import { check, expectClose } from '@exercise';
check('triple(n) is 3n', () => expectClose(triple(n), 3 * n, { what: 'triple(n)' }));
\`\`\`

\`\`\`ts solution
function triple(x: number): number {
  return 3 * x;
}
\`\`\`
`;
}

/** The chapters of a book of `n` chapters, by file name. */
export function fixtureBook(n: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `chapter-${String(i + 1).padStart(3, '0')}.mdx`,
      fixtureChapter(i + 1),
    ]),
  );
}
