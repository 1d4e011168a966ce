/**
 * Text sizes for laying figures out (no dependencies: layouts that only measure text need
 * not load d3).
 */

/** The font size of tick labels and legends, in SVG user units (figure.css sets the same). */
export const FONT = 12;

/** A text's rough width in user units (for laying out legends). */
export function textWidth(s: string, size = FONT): number {
  return s.length * size * 0.58;
}
