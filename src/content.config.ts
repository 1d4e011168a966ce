import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './book/chapter-schema.ts';

/**
 * The chapters of the book: one MDX file each in the top-level `content/` folder.
 * The frontmatter schema lives in src/book/chapter-schema.ts, shared with the book
 * validator (src/book/validate-book.ts), which checks the whole book before this
 * collection loads and reports each problem as file:line with what to do.
 */
const chapters = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content' }),
  schema: chapterSchema,
});

export const collections = { chapters };
