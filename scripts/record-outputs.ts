/**
 * npm run record [-- content/<chapter>.mdx ...]
 *
 * For authors: runs every cell of the given chapters (default: all of content/) with the
 * book's runtime and rewrites each cell's ```output fence with what it printed, adding
 * a fence where a cell prints something but has none and removing it where it prints
 * nothing. Prints which fences changed, and the chapter's other lesson problems in the
 * words of the build (src/lesson/lesson-problems.ts); review the fences with `git diff`
 * (a new, untracked lesson is not in it: `git status`) before committing.
 *
 * The runs are the build's (src/lesson/run-cache.ts): an unchanged chapter is not run
 * again, and a rewritten one is stored under its new text, so the next build does not
 * run it either.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { normalizeOutput } from '../src/cells/chapter-cells.ts';
import { outputText } from '../src/cells/output-parts.ts';
import { runChapters } from '../src/lesson/run-book.ts';
import { bookRuns } from '../src/lesson/run-cache.ts';
import { readRunnable, rebaseRun } from '../src/lesson/run-chapter.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const files =
  args.length > 0
    ? args.map((a) => resolve(a))
    : readdirSync(join(root, 'content'))
        .filter((f) => f.endsWith('.mdx'))
        .sort()
        .map((f) => join(root, 'content', f));

/** A fence long enough not to be closed by backticks inside the text. */
function outputFence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}output\n${text}\n${ticks}`;
}

const texts = files.map((file) => readFileSync(file, 'utf8'));
const runs = await runChapters(texts);
let changedFiles = 0;
files.forEach((file, f) => {
  const text = texts[f];
  const run = runs[f];
  const cells = readRunnable(text).cells;
  if (cells.length === 0) return;
  const shown = relative(process.cwd(), file);
  // Edit from the last cell back so earlier offsets stay valid.
  let next = text;
  const changed: { cell: number; added: boolean; removed: boolean }[] = [];
  for (let i = cells.length - 1; i >= 0; i--) {
    const cell = cells[i];
    const computed = normalizeOutput(outputText(run.cells[i].output));
    if (cell.output && normalizeOutput(cell.output.text) === computed) continue;
    if (!cell.output && computed === '') continue;
    if (cell.output && computed === '') {
      // Remove the fence and the blank lines between it and the code fence.
      next = next.slice(0, cell.codeRange[1]) + next.slice(cell.output.range[1]);
    } else if (cell.output) {
      next = next.slice(0, cell.output.range[0]) + outputFence(computed) + next.slice(cell.output.range[1]);
    } else {
      next =
        next.slice(0, cell.codeRange[1]) + '\n\n' + outputFence(computed) + next.slice(cell.codeRange[1]);
    }
    changed.unshift({ cell: i, added: !cell.output, removed: computed === '' });
  }
  // Lines are those of the file as it is now written, and so is what recording cannot fix.
  const after = next === text ? run : rebaseRun(text, next, run);
  if (next !== text) {
    writeFileSync(file, next);
    changedFiles += 1;
    if (after) bookRuns().put(next, after);
  }
  const lineOf = (i: number) => after?.cells[i].line ?? cells[i].line;
  console.log(`${shown}: ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}`);
  for (const c of changed) {
    console.log(
      `  ${shown}:${lineOf(c.cell)} (cell ${c.cell + 1}): output ${c.added ? 'added' : 'rewritten'}${c.removed ? ' (removed: no output)' : ''}`,
    );
  }
  for (const p of (after ?? run).problems)
    if (p.kind !== 'output-fence') console.log(`  ${shown}:${p.line}: ${p.message}`);
});
console.log(
  changedFiles === 0
    ? 'No output fence changed.'
    : `${changedFiles} file(s) changed; review with git diff (new files: git status).`,
);
