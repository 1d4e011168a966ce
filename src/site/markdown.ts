/**
 * Markdown from book.config.ts (the home page's introduction and cards, the footer, part
 * descriptions) to HTML, with Astro's own Markdown processor: GitHub-flavoured Markdown,
 * smart quotes, and $math$ through KaTeX as in the chapters. Code spans only, no
 * highlighting (nothing there needs Shiki, which is slow to start).
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

let processor: Promise<MarkdownRenderer> | undefined;

export async function markdownToHtml(markdown: string): Promise<string> {
  processor ??= createMarkdownProcessor({
    syntaxHighlight: false,
    remarkPlugins: [remarkMath],
    rehypePlugins: [rehypeKatex],
  });
  return (await (await processor).render(markdown)).code;
}

/** The same, for one paragraph shown inline (a card's text): without the wrapping <p>. */
export async function inlineMarkdownToHtml(markdown: string): Promise<string> {
  const html = (await markdownToHtml(markdown)).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1].includes('<p>') ? single[1] : html;
}
