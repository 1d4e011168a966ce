/**
 * The book's configuration (book.config.ts at the repository root), as a zod schema: the
 * one file an instructor edits to make the book theirs (title, logo, home page, footer,
 * repository, licence, parts). Every page reads the parsed result (./book.ts); the build
 * checks the file first (./load-book-config.ts) and reports each issue as
 * `book.config.ts:line: field: what is wrong: what to do`, like the chapters' frontmatter
 * (./chapter-schema.ts).
 */
import { z } from 'astro/zod';
import { closest } from './closest.ts';

/** An example value for each field, quoted in the messages. */
export const BOOK_EXAMPLES = {
  title: "title: 'Focal Loss for Beginners'",
  subtitle: "subtitle: 'Week-by-week notes for ML 201'",
  description: "description: 'A short course on the loss functions of classifiers.'",
  authors: "authors: ['Ada Lovelace', 'Alan Turing']",
  language: "language: 'en'",
  logo: "logo: { text: 'F', background: '#1f3a8a' } or logo: { image: 'logo.svg', alt: '' }",
  repository: "repository: { url: 'https://github.com/you/your-book', branch: 'main' }",
  licence: "licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' }",
  home: "home: { introduction: 'A **short** book on …', cards: [{ title: 'Who it is for', body: '…' }] }",
  footer: "footer: 'Written for ML 201, spring term.'",
  parts: "parts: [{ id: 'week-1', title: 'Week 1: probabilities' }]",
} as const;

export type BookField = keyof typeof BOOK_EXAMPLES;

/** A hex colour such as #1f3a8a (what an SVG fill and CSS both accept). */
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
/** A part's id, as a chapter names it in `part:` (same form as chapter ids). */
export const PART_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Text that must be present and not empty. */
function text(example: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? `is missing: add it, e.g. ${example}`
          : `must be text in quotes, e.g. ${example}`,
    })
    .trim()
    .min(1, { error: `is empty: write it between the quotes, e.g. ${example}` });
}

/** An optional piece of text (absent is fine, empty is a mistake). */
function optionalText(example: string) {
  return text(example).optional();
}

function hexColour(example: string) {
  return z.string({ error: `must be a colour in quotes, e.g. ${example}` }).regex(HEX, {
    error: (issue) => `"${String(issue.input)}" is not a hex colour: write one like ${example}`,
  });
}

function httpUrl(example: string) {
  return z.string({ error: `must be an address in quotes, e.g. ${example}` }).refine(
    (s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        return false;
      }
    },
    { error: (issue) => `"${String(issue.input)}" is not a web address: write it in full, e.g. ${example}` },
  );
}

/**
 * A strict object. An unknown key gets one message line per key (the loader pairs the lines
 * with `issue.keys`), with the nearest known key when it looks like a typo of one.
 */
function strict<T extends z.ZodRawShape>(shape: T, what: string, example: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys
            .map((key) => {
              const close = closest(key, known);
              return `is not a field of ${what}: ${close ? `did you mean \`${close}\`? ` : ''}${what} has only ${known.join(', ')}`;
            })
            .join('\n')
        : issue.code === 'invalid_type'
          ? `must be an object in braces, e.g. ${example}`
          : undefined,
  });
}

const logoSchema = strict(
  {
    /** One to three characters drawn on a coloured square (the default: the title's first letter). */
    text: z
      .string({ error: "must be text in quotes, e.g. text: 'F'" })
      .trim()
      .min(1, { error: "is empty: give one to three characters, e.g. text: 'F'" })
      .max(3, { error: "is too long for the square: give one to three characters, e.g. text: 'F'" })
      .optional(),
    /** An image in public/ instead (SVG or PNG), e.g. 'logo.svg'. */
    image: z
      .string({ error: "must be a file name in quotes, e.g. image: 'logo.svg' (a file in public/)" })
      .regex(/^(?!\/)(?!.*\.\.)[\w./-]+\.(?:svg|png|webp|jpe?g|gif|avif)$/i, {
        error: (issue) =>
          `"${String(issue.input)}" is not an image path in public/: write it like image: 'logo.svg' (an .svg, .png, .webp or .jpg file in public/, without a leading slash)`,
      })
      .optional(),
    /** What a screen reader says for an image logo (empty: decorative, the title follows it). */
    alt: z.string({ error: "must be text in quotes, e.g. alt: ''" }).default(''),
    /** The square's colour (text logos). */
    background: hexColour("background: '#1f3a8a'").default('#1f3a8a'),
    /** The letter's colour (text logos). */
    color: hexColour("color: '#ffffff'").default('#ffffff'),
  },
  'logo',
  BOOK_EXAMPLES.logo,
).refine((logo) => !(logo.text && logo.image), {
  error: "has both `text` and `image`: keep one, e.g. logo: { text: 'F' } or logo: { image: 'logo.svg' }",
});

const KNOWN_FORGES = ['github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org'];

const repositorySchema = strict(
  {
    /** The repository's web address, e.g. https://github.com/you/your-book. */
    url: httpUrl("url: 'https://github.com/you/your-book'").transform((s) => s.replace(/(?:\.git)?\/*$/, '')),
    /** The branch the "Edit this page" links open (the one the site is built from). */
    branch: z
      .string({ error: "must be a branch name in quotes, e.g. branch: 'main'" })
      .trim()
      .min(1, { error: "is empty: give the branch the site is built from, e.g. branch: 'main'" })
      .default('main'),
    /**
     * The edit address with `{path}` (and optionally `{branch}`) in it, for a host whose
     * edit links this book does not know (GitHub, GitLab, Codeberg/Gitea and Bitbucket are known).
     */
    editUrl: z
      .string({
        error:
          "must be an address in quotes with {path} in it, e.g. editUrl: 'https://git.example.org/you/book/edit/{branch}/{path}'",
      })
      .refine((s) => s.includes('{path}'), {
        error:
          "has no {path}: write where the file's path goes, e.g. editUrl: 'https://git.example.org/you/book/edit/{branch}/{path}'",
      })
      .optional(),
  },
  'repository',
  BOOK_EXAMPLES.repository,
).superRefine((repo, ctx) => {
  if (repo.editUrl) return;
  let host: string;
  try {
    host = new URL(repo.url).hostname;
  } catch {
    return; // reported on `url`
  }
  if (!KNOWN_FORGES.includes(host) && !/gitlab|gitea|forgejo/.test(host)) {
    ctx.addIssue({
      code: 'custom',
      path: ['editUrl'],
      message: `is needed: the book knows the edit links of ${KNOWN_FORGES.join(', ')} and GitLab or Gitea servers, not of ${host}; add the address of a file's edit page with {path}, e.g. editUrl: '${repo.url}/edit/{branch}/{path}'`,
    });
  }
});

const cardSchema = strict(
  {
    title: text("{ title: 'Who it is for', body: '…' }"),
    /** Markdown. */
    body: text("{ title: 'Who it is for', body: 'Students of ML 201.' }"),
  },
  'a card',
  "{ title: 'Who it is for', body: '…' }",
);

const partSchema = strict(
  {
    /** What chapters write in their frontmatter: `part: week-1`. */
    id: z.string({ error: "must be text in quotes, e.g. id: 'week-1'" }).regex(PART_ID, {
      error: (issue) =>
        `"${String(issue.input)}" cannot be a part id: use lower-case letters, digits and dashes, e.g. id: 'week-1'`,
    }),
    /** The heading shown above the part's chapters. */
    title: text("{ id: 'week-1', title: 'Week 1: probabilities' }"),
    /** One sentence shown under the heading on the home page (Markdown). */
    description: optionalText("description: 'Logits, softmax and the binary case.'"),
  },
  'a part',
  "{ id: 'week-1', title: 'Week 1: probabilities' }",
);

export const bookSchema = strict(
  {
    /** The book's name: the header, every page's title, link previews, the card. */
    title: text(BOOK_EXAMPLES.title),
    /** A short line above the title on the home page and the card. */
    subtitle: optionalText(BOOK_EXAMPLES.subtitle),
    /** One or two sentences for search engines and link previews of the home page. */
    description: text(BOOK_EXAMPLES.description),
    /** Who wrote it: the footer and the pages' author metadata. */
    authors: z
      .array(text(BOOK_EXAMPLES.authors), { error: `must be a list, e.g. ${BOOK_EXAMPLES.authors}` })
      .default([]),
    /** The language of the pages (a BCP 47 tag: 'en', 'zh-CN', …). */
    language: z
      .string({ error: `must be a language tag in quotes, e.g. ${BOOK_EXAMPLES.language}` })
      .refine(isLanguageTag, {
        error: (issue) =>
          `"${String(issue.input)}" is not a language tag: write one like 'en', 'de' or 'zh-CN'`,
      })
      .default('en'),
    logo: logoSchema.optional(),
    /** Where the book's source lives: "Edit this page" links and the footer's source link. */
    repository: repositorySchema.optional(),
    licence: strict(
      {
        name: text("name: 'CC BY 4.0'"),
        url: httpUrl("url: 'https://creativecommons.org/licenses/by/4.0/'").optional(),
      },
      'licence',
      BOOK_EXAMPLES.licence,
    ).optional(),
    home: strict(
      {
        /** The paragraphs under the title on the home page (Markdown). */
        introduction: optionalText("introduction: 'A **short** book on …'"),
        /** Boxes under the introduction, each with a heading and Markdown text. */
        cards: z
          .array(cardSchema, { error: "must be a list, e.g. cards: [{ title: 'Who it is for', body: '…' }]" })
          .default([]),
      },
      'home',
      BOOK_EXAMPLES.home,
    ).default({ cards: [] }),
    /** What the footer of every page says (Markdown). */
    footer: optionalText(BOOK_EXAMPLES.footer),
    /** Groups of chapters (weeks, units) in this order; a chapter joins one with `part: <id>`. */
    parts: z.array(partSchema, { error: `must be a list, e.g. ${BOOK_EXAMPLES.parts}` }).default([]),
  },
  'the configuration',
  BOOK_EXAMPLES.title,
)
  .superRefine((book, ctx) => {
    const seen = new Set<string>();
    book.parts.forEach((part, i) => {
      if (seen.has(part.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['parts', i, 'id'],
          message: `"${part.id}" is the id of an earlier part too: give each part its own id`,
        });
      }
      seen.add(part.id);
    });
  })
  .transform((book) => ({
    ...book,
    logo: book.logo ?? {
      text: undefined,
      image: undefined,
      alt: '',
      background: '#1f3a8a',
      color: '#ffffff',
    },
  }))
  .transform((book) => ({
    ...book,
    logo:
      book.logo.image !== undefined
        ? { kind: 'image' as const, image: book.logo.image, alt: book.logo.alt }
        : {
            kind: 'text' as const,
            text: book.logo.text ?? [...book.title][0].toUpperCase(),
            background: book.logo.background,
            color: book.logo.color,
          },
  }));

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** What book.config.ts holds (before defaults). */
export type BookConfigInput = z.input<typeof bookSchema>;
/** The configuration every page reads (defaults filled in, logo resolved). */
export type BookConfig = z.output<typeof bookSchema>;
export type BookPart = BookConfig['parts'][number];

/**
 * Marks book.config.ts's object as a book configuration, so an editor completes and checks
 * its fields. The build validates it (./load-book-config.ts).
 */
export function defineBook(config: BookConfigInput): BookConfigInput {
  return config;
}
