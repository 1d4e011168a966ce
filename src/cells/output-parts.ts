/**
 * What a cell shows under its code: its status and its output as parts, tensor reprs
 * apart from other text, so that on narrow screens messages (an error line, a sentence)
 * wrap while a tensor keeps its columns aligned and scrolls sideways instead. Built once
 * per cell by the chapter's run (src/lesson/run-chapter.ts) for the page
 * (components/Cell.astro), and by the page after a run (./client.ts), so both mark up the
 * same output the same way. A new kind of part (a figure) is a new member of OutputPart.
 */
import type { CellOutcome } from './notebook.ts';

/** A piece of a cell's output. */
export type OutputPart = { kind: 'text'; text: string } | { kind: 'tensor'; text: string };

/** How a cell's run ended: normally, with an error of the cell, or stopped by its time limit. */
export type CellStatus = 'ok' | 'error' | 'stopped';

/** A cell's output as the page shows it. */
export interface CellOutput {
  status: CellStatus;
  parts: OutputPart[];
}

/** The output of a finished run of a cell. */
export function cellOutput(outcome: CellOutcome): CellOutput {
  return {
    status: outcome.stopped ? 'stopped' : outcome.threw ? 'error' : 'ok',
    parts: outputParts(outcome.text),
  };
}

/** The text of an output, as printed (what an output fence records). */
export function outputText(output: CellOutput): string {
  return output.parts.map((p) => p.text).join('');
}

/**
 * A tensor part runs from a line containing `tensor(` to the line where that
 * parenthesis closes; an `Error (line N): ...` line always ends it, so a broken repr
 * cannot keep an error message from wrapping.
 */
export function outputParts(output: string): OutputPart[] {
  const parts: OutputPart[] = [];
  const add = (text: string, tensor: boolean) => {
    const kind = tensor ? 'tensor' : 'text';
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let depth = 0;
  const lines = output.split('\n');
  lines.forEach((line, i) => {
    const text = i < lines.length - 1 ? `${line}\n` : line;
    if (text === '') return;
    if (/^Error \(line \d+\):/.test(line)) {
      depth = 0;
      add(text, false);
    } else if (depth > 0) {
      depth = Math.max(0, depth + balance(line));
      add(text, true);
    } else if (line.includes('tensor(')) {
      depth = Math.max(0, balance(line.slice(line.indexOf('tensor('))));
      add(text, true);
    } else {
      add(text, false);
    }
  });
  return parts;
}

function balance(s: string): number {
  let d = 0;
  for (const ch of s) {
    if (ch === '(') d++;
    else if (ch === ')') d--;
  }
  return d;
}
