/**
 * The book's configuration: edit this file to make the book yours. Every page, the
 * link-preview card and the "Edit this page" links read it; nothing of the book's name or
 * identity is written anywhere else. `npm run build` and `npm test` check it and say what
 * to fix as `book.config.ts:line: field: what to do`. Texts marked Markdown may use
 * **bold**, `code`, [links](https://…) and $math$.
 *
 * The "Writing lessons" guide (src/guide/writing-lessons.mdx) explains each field.
 */
import { defineBook } from './src/book/book-config-schema.ts';

export default defineBook({
  /** The book's name: the header, every page's title, link previews, the card. */
  title: 'Cross-Entropy, Cell by Cell',
  /** A short line above the title on the home page and the link-preview card. */
  subtitle: 'A short, runnable book',
  /** One or two sentences for search engines and link previews of the home page. */
  description:
    'A literate, executable textbook on cross-entropy loss, with live TypeScript cells that run in your browser.',
  /** Who wrote it (the footer and the pages' author metadata), e.g. ['Ada Lovelace']. */
  authors: [],
  /** The language of the pages: 'en', 'de', 'zh-CN', … */
  language: 'en',
  /** A letter (or up to three) on a coloured square, or an image in public/: { image: 'logo.svg' }. */
  logo: { text: 'H', background: '#1f3a8a', color: '#ffffff' },
  /**
   * Where the source lives: "Edit this page" links on the chapters and the guide, and a
   * source link in the footer. GitHub, GitLab, Codeberg/Gitea and Bitbucket are known;
   * another host needs `editUrl: 'https://…/{branch}/{path}'`. Without it, no edit links.
   */
  // repository: { url: 'https://github.com/you/your-book', branch: 'main' },
  /** The licence of the text and code, shown in the footer. */
  // licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  home: {
    /** The paragraphs under the title on the home page (Markdown). */
    introduction: `A short book on the loss that trains most classifiers. Each chapter derives a form
of cross-entropy and checks it in code you can edit and run in the page, against a TypeScript
re-implementation of PyTorch's losses that prints its tensors exactly as PyTorch does.`,
    /** Boxes under the introduction: a heading and Markdown text each. */
    cards: [
      {
        title: 'What it teaches',
        body: `Binary, multiclass and pixel-wise cross-entropy: where each formula comes from, how
PyTorch computes it stably (logits, \`logSoftmax\`, \`NLLLoss\`), the shapes it expects, and the
errors it raises when they are wrong.`,
      },
      {
        title: 'Who it is for',
        body: `Programmers and students who train classifiers or segmentation models and want to know
exactly what \`nn.CrossEntropyLoss\` does with their numbers. You need a little algebra (logarithms,
sums) and to read TypeScript or Python; no calculus beyond one derivative.`,
      },
      {
        title: 'How to read it',
        body: `In order: each chapter builds on the one before. Every code cell shows the output it
printed when the book was built; press **Run** to run it yourself, or **Edit** to change it.
Nothing is sent anywhere: the code runs in your browser.`,
      },
    ],
  },
  /** What the footer of every page says (Markdown). */
  footer: `Every code cell runs in your browser against this book's own loss module, a TypeScript
re-implementation of PyTorch 1.13's losses.`,
  /**
   * Groups of chapters (weeks, units), in this order. A chapter joins one with a line
   * `part: week-1` in its frontmatter; then every chapter needs one. Leave it out for a
   * book without parts. E.g.
   * parts: [
   *   { id: 'week-1', title: 'Week 1: two classes' },
   *   { id: 'week-2', title: 'Week 2: many classes and pixels' },
   * ],
   */
});
