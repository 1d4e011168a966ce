// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkCells from './src/cells/remark-cells.ts';
import remarkExercises from './src/cells/exercise/remark-exercises.ts';
import { bookValidation } from './src/book/astro-integration.ts';
import { basePath, siteUrl } from './src/book/site-address.ts';
import { readerSite } from './src/site/integration.ts';
import rehypeShortCode from './src/site/rehype-short-code.ts';
import rehypeTableScroll from './src/site/rehype-table-scroll.ts';
import { SHIKI_DEFAULT_COLOR, SHIKI_THEMES } from './src/site/shiki-themes.ts';

// Astro 7 runs remark/rehype plugins only through the `unified` processor; @astrojs/mdx
// takes the processor (and shikiConfig) from `markdown` (extendMarkdownConfig).
export default defineConfig({
  // Where the site is published (see the Writing lessons guide), from the environment:
  // SITE_URL=https://you.github.io BASE_PATH=/my-book. Default: the root of any host.
  site: siteUrl(),
  base: basePath(),
  // bookValidation checks the lessons first (src/book/): a bad lesson stops the build
  // with file:line messages before Astro loads it.
  integrations: [bookValidation(), mdx(), readerSite()],
  markdown: {
    processor: unified({
      // remarkExercises must run before remarkCells: an exercise's context is the
      // ```ts run fences above it, which remarkCells replaces.
      remarkPlugins: [remarkMath, remarkExercises, remarkCells],
      rehypePlugins: [rehypeKatex, rehypeShortCode, rehypeTableScroll],
    }),
    // The themes are shared with the figures' cells (src/site/shiki-themes.ts says why these).
    shikiConfig: { themes: SHIKI_THEMES, defaultColor: SHIKI_DEFAULT_COLOR },
  },
  vite: {
    resolve: {
      alias: { '@loss': fileURLToPath(new URL('./src/loss/index.ts', import.meta.url)) },
    },
    // The cell worker is one self-contained classic script: the sandbox iframe (opaque
    // origin) starts it from a blob, where it cannot import other chunks.
    worker: { format: 'iife' },
    // Loaded lazily by the page: pre-bundle them so the dev server does not reload on first use.
    optimizeDeps: {
      include: [
        '@codemirror/state',
        '@codemirror/view',
        '@codemirror/commands',
        '@codemirror/language',
        '@codemirror/legacy-modes/mode/javascript',
        'sucrase',
        'sucrase/dist/esm/parser/index.js',
        '@lezer/highlight',
      ],
    },
  },
});
