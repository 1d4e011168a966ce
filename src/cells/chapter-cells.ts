/**
 * Reads a chapter file (MDX) into its cells, with their lines in the file. Used by the
 * doc-tests and the record script; the build gets the same cells from the remark
 * plugin, through the same collectCells.
 *
 * The MDX is parsed by @mdx-js/mdx (the parser Astro's MDX integration uses, via
 * @astrojs/markdown-remark) with remark-math, as in the site's pipeline. The front
 * matter is blanked first (Astro strips it before MDX sees the file), keeping lines.
 */
import { createProcessor } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import type { Root } from 'mdast';
import { collectCells } from './collect-cells.ts';
import type { CellFlags } from './cell-flags.ts';

export interface ChapterCell {
  /** 0-based position in the chapter. */
  index: number;
  code: string;
  flags: CellFlags;
  /** 1-based line of the ```ts run fence in the file. */
  line: number;
  /** Offsets of the code fence in the file ([start, end)). */
  codeRange: [number, number];
  /** The ```output fence's text and offsets, or null when the cell has none. */
  output: { text: string; range: [number, number]; line: number } | null;
}

/** Replace the YAML front matter by as many empty lines (offsets shift, lines do not). */
export function blankFrontmatter(text: string): { body: string; offset: number } {
  const m = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(text);
  if (!m) return { body: text, offset: 0 };
  const lines = m[0].split('\n').length - 1;
  const blank = '\n'.repeat(lines);
  return { body: blank + text.slice(m[0].length), offset: m[0].length - blank.length };
}

/** A chapter's MDX tree (lines are file lines; add `offset` to an offset for the file's). */
export function parseChapter(text: string): { tree: Root; offset: number } {
  const { body, offset } = blankFrontmatter(text);
  return { tree: createProcessor({ remarkPlugins: [remarkMath] }).parse(body) as Root, offset };
}

/** The cells of a chapter's MDX source, in order. Throws with the line of a bad flag. */
export function readChapterCells(text: string): ChapterCell[] {
  const { tree, offset } = parseChapter(text);
  return cellsOfTree(tree, offset);
}

/** The cells of a parsed chapter (see parseChapter). */
export function cellsOfTree(tree: Root, offset: number): ChapterCell[] {
  return collectCells(tree).map((cell, index) => {
    const pos = cell.code.position!;
    const out = cell.output?.position;
    return {
      index,
      code: cell.code.value,
      flags: cell.flags,
      line: pos.start.line,
      codeRange: [pos.start.offset! + offset, pos.end.offset! + offset],
      output:
        cell.output && out
          ? {
              text: cell.output.value,
              range: [out.start.offset! + offset, out.end.offset! + offset],
              line: out.start.line,
            }
          : null,
    };
  });
}

/** Outputs compare equal when they differ only in trailing spaces and trailing blank lines. */
export function normalizeOutput(text: string): string {
  return text.replace(/[ \t]+$/gm, '').replace(/\n+$/, '');
}
