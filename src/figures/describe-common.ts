/**
 * What the textual forms of all kinds share (./describe.ts says what a textual form is).
 */
import type { FigureSpec } from './spec.ts';

/** The lines of a textual form, with the spec's own description after the first. */
export function finish(spec: FigureSpec, lines: string[]): string {
  if (spec.description) lines.splice(1, 0, spec.description);
  return lines.join('\n');
}
