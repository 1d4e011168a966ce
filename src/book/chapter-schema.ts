/**
 * The frontmatter of a chapter, as a zod schema. One definition, used by the content
 * collection (src/content.config.ts) and by the book validator (./validate-book.ts),
 * which runs before Astro's content sync and turns the same issues into file:line
 * messages. Every message says what to write, since the reader of the message is an
 * instructor editing a lesson, not a developer.
 */
import { z } from 'astro/zod';

/** The frontmatter keys a chapter may have, with an example value for each message. */
export const CHAPTER_KEYS = {
  title: 'Softmax, step by step',
  description: 'One sentence for the table of contents and search results.',
  order: '4',
  objectives: '["Compute a softmax by hand."]',
  prerequisites: '[multiclass-cross-entropy]',
  part: 'week-1',
} as const;

function example(key: keyof typeof CHAPTER_KEYS): string {
  return `\`${key}: ${CHAPTER_KEYS[key]}\``;
}

function requiredText(key: 'title' | 'description') {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? `\`${key}\` is missing: add a line such as ${example(key)} to the frontmatter`
          : `\`${key}\` must be text, e.g. ${example(key)}`,
    })
    .trim()
    .min(1, { error: `\`${key}\` is empty: write it after the colon, e.g. ${example(key)}` });
}

function textList(key: 'objectives' | 'prerequisites', what: string) {
  return z
    .array(z.string({ error: `each entry of \`${key}\` must be ${what}` }), {
      error: `\`${key}\` must be a list, e.g. ${example(key)}`,
    })
    .default([]);
}

export const chapterSchema = z.strictObject(
  {
    title: requiredText('title'),
    description: requiredText('description'),
    /** Position in the book's table of contents (1, 2, 3, ...). */
    order: z
      .number({
        error: (issue) =>
          issue.input === undefined || issue.input === null
            ? `\`order\` is missing: add a line such as ${example('order')} (its place in the table of contents)`
            : `\`order\` must be a whole number such as 4, not ${JSON.stringify(issue.input)}`,
      })
      .int({ error: '`order` must be a whole number such as 4' })
      .positive({ error: '`order` must be 1 or more' }),
    /** What a reader can do after the chapter. */
    objectives: textList('objectives', 'a sentence of text'),
    /** Ids (file names without .mdx) of chapters to read first. */
    prerequisites: textList('prerequisites', 'a chapter id (a file name in content/ without .mdx)'),
    /** The id of the part (week, unit) the chapter belongs to, one of book.config.ts's `parts`. */
    part: z
      .string({ error: `\`part\` must be the id of a part in book.config.ts, e.g. ${example('part')}` })
      .trim()
      .min(1, { error: `\`part\` is empty: write a part's id from book.config.ts, e.g. ${example('part')}` })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown frontmatter key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}: a chapter's frontmatter has only ${Object.keys(CHAPTER_KEYS).join(', ')}`
        : undefined,
  },
);

export type ChapterData = z.output<typeof chapterSchema>;
