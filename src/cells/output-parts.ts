/**
 * A cell's output split into tensor reprs and other text, so that on narrow screens
 * messages (an error line, a sentence) wrap while a tensor keeps its columns aligned and
 * scrolls sideways instead. Used by the build (components/Cell.astro) and by the page
 * after a run (./client.ts), so both mark up the same output the same way.
 */
export interface OutputPart {
  text: string;
  tensor: boolean;
}

/**
 * A tensor part runs from a line containing `tensor(` to the line where that
 * parenthesis closes; an `Error (line N): ...` line always ends it, so a broken repr
 * cannot keep an error message from wrapping.
 */
export function outputParts(output: string): OutputPart[] {
  const parts: OutputPart[] = [];
  const add = (text: string, tensor: boolean) => {
    const last = parts.at(-1);
    if (last && last.tensor === tensor) last.text += text;
    else parts.push({ text, tensor });
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
