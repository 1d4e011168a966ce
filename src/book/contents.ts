/**
 * The table of contents: the chapters (sorted by `order`) grouped into the parts that
 * book.config.ts declares, in the config's order. A book without parts is one group
 * without a heading, so the sidebar, the home page and the 404 page look as they did.
 * The book validator has made sure that every chapter names a declared part and that
 * `order` keeps each part's chapters together (../book/validate-book.ts).
 */
import type { BookPart } from './book-config-schema.ts';

export interface ContentsGroup<C> {
  /** The part, or undefined for a book without parts. */
  part?: BookPart;
  chapters: C[];
}

export function groupByPart<C extends { data: { part?: string } }>(
  chapters: readonly C[],
  parts: readonly BookPart[],
): ContentsGroup<C>[] {
  if (parts.length === 0) return [{ chapters: [...chapters] }];
  const groups: ContentsGroup<C>[] = parts.map((part) => ({
    part,
    chapters: chapters.filter((c) => c.data.part === part.id),
  }));
  // Cannot happen in a validated book; kept so no chapter ever disappears from the contents.
  const loose = chapters.filter((c) => !parts.some((p) => p.id === c.data.part));
  if (loose.length) groups.push({ chapters: loose });
  return groups.filter((g) => g.chapters.length > 0);
}

/** The title of a chapter's part, or undefined (no parts, or no part named). */
export function partTitle(parts: readonly BookPart[], id: string | undefined): string | undefined {
  return parts.find((p) => p.id === id)?.title;
}
