/**
 * The reader's-site build steps, after `astro build` has written the pages:
 * the Pagefind search index (./search-index.ts) and sitemap.xml + robots.txt (./sitemap.ts).
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from './search-index.ts';
import { LOCAL_ORIGIN } from '../book/site-address.ts';
import { pageUrls, robotsTxt, sitemapXml } from './sitemap.ts';

export function readerSite(): AstroIntegration {
  let origin = LOCAL_ORIGIN;
  let base = '/';
  return {
    name: 'reader-site',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.site) origin = new URL(config.site).origin;
        base = config.base || '/';
      },
      'astro:build:done': async ({ pages, dir, logger }) => {
        const out = fileURLToPath(dir);
        const urls = pageUrls(
          pages.map((p) => p.pathname),
          origin,
          base,
        );
        writeFileSync(new URL('sitemap.xml', dir), sitemapXml(urls));
        const sitemapUrl = new URL(`${base.replace(/\/?$/, '/')}sitemap.xml`, origin).href;
        writeFileSync(new URL('robots.txt', dir), robotsTxt(sitemapUrl));
        logger.info(`sitemap.xml: ${urls.length} pages`);
        const { pages: indexed } = await buildSearchIndex(out);
        logger.info(`Pagefind: indexed ${indexed} pages into pagefind/`);
      },
    },
  };
}
