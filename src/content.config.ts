import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The chapters of the book: one MDX file each in the top-level `content/` folder. */
const chapters = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content' }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(1),
    /** Position in the book's table of contents (1, 2, 3, ...). */
    order: z.number().int().positive(),
    /** What a reader can do after the chapter. */
    objectives: z.array(z.string()).default([]),
    /** Ids (file names without .mdx) of chapters to read first. */
    prerequisites: z.array(z.string()).default([]),
  }),
});

export const collections = { chapters };
