/**
 * npm run record [-- content/<chapter>.mdx ...]
 *
 * For authors: runs every cell of the given chapters (default: all of content/) with the
 * book's runtime and rewrites each cell's ```output fence with what it printed, adding
 * a fence where a cell prints something but has none and removing it where it prints
 * nothing. Prints which fences changed; review them with `git diff` (a new, untracked
 * lesson is not in it: `git status`) before committing.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { normalizeOutput, readChapterCells } from '../src/cells/chapter-cells.ts';
import { runCellsNode } from '../src/cells/run-node.ts';

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

let changedFiles = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const cells = readChapterCells(text);
  if (cells.length === 0) continue;
  const outcomes = await runCellsNode(
    cells.map((c) => ({ code: c.code, throws: c.flags.throws, timeout: c.flags.timeout })),
  );
  const shown = relative(process.cwd(), file);
  // Edit from the last cell back so earlier offsets stay valid.
  let next = text;
  const notes: string[] = [];
  for (let i = cells.length - 1; i >= 0; i--) {
    const cell = cells[i];
    const outcome = outcomes[i];
    const where = `${shown}:${cell.line} (cell ${i + 1})`;
    if (outcome.stopped) notes.push(`${where}: stopped by its time limit`);
    if (outcome.threw !== cell.flags.throws) {
      notes.push(`${where}: ${cell.flags.throws ? 'flagged `throws` but did not throw' : 'threw'}`);
    }
    const computed = normalizeOutput(outcome.text);
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
    notes.push(
      `${where}: output ${cell.output ? 'rewritten' : 'added'}${computed === '' ? ' (removed: no output)' : ''}`,
    );
  }
  if (next !== text) {
    writeFileSync(file, next);
    changedFiles += 1;
  }
  console.log(`${shown}: ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}`);
  for (const note of notes.reverse()) console.log(`  ${note}`);
}
console.log(
  changedFiles === 0
    ? 'No output fence changed.'
    : `${changedFiles} file(s) changed; review with git diff (new files: git status).`,
);
