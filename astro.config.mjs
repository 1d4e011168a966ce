// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkCells from './src/cells/remark-cells.ts';

// Astro 7 runs remark/rehype plugins only through the `unified` processor; @astrojs/mdx
// takes the processor (and shikiConfig) from `markdown` (extendMarkdownConfig).
export default defineConfig({
  integrations: [mdx()],
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath, remarkCells],
      rehypePlugins: [rehypeKatex],
    }),
    shikiConfig: {
      // github-light fails axe colour contrast; the high-contrast variant passes.
      theme: 'github-light-high-contrast',
    },
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
        '@codemirror/lang-javascript',
        'sucrase',
        'sucrase/dist/esm/parser/index.js',
        '@lezer/highlight',
      ],
    },
  },
});
