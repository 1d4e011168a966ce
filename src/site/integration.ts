/**
 * The reader's-site build steps, after `astro build` has written the pages:
 * the Pagefind search index (./search-index.ts) and sitemap.xml + robots.txt (./sitemap.ts).
 * A build without SITE_URL says so once, and writes no sitemap (it would need absolute
 * addresses) and no address in robots.txt.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from './search-index.ts';
import { NO_SITE_URL_WARNING, pageUrls, robotsTxt, sitemapXml } from './sitemap.ts';

export function readerSite(): AstroIntegration {
  let origin: string | undefined;
  let base = '/';
  let command = 'build';
  return {
    name: 'reader-site',
    hooks: {
      'astro:config:setup': (params) => {
        command = params.command;
      },
      'astro:config:done': ({ config, logger }) => {
        if (config.site) origin = new URL(config.site).origin;
        base = config.base || '/';
        if (!origin && command === 'build') logger.warn(NO_SITE_URL_WARNING);
      },
      'astro:build:done': async ({ pages, dir, logger }) => {
        const out = fileURLToPath(dir);
        if (origin) {
          const urls = pageUrls(
            pages.map((p) => p.pathname),
            origin,
            base,
          );
          writeFileSync(new URL('sitemap.xml', dir), sitemapXml(urls));
          writeFileSync(
            new URL('robots.txt', dir),
            robotsTxt(new URL(`${base.replace(/\/?$/, '/')}sitemap.xml`, origin).href),
          );
          logger.info(`sitemap.xml: ${urls.length} pages`);
        } else {
          writeFileSync(new URL('robots.txt', dir), robotsTxt());
        }
        const { pages: indexed } = await buildSearchIndex(out);
        logger.info(`Pagefind: indexed ${indexed} pages into pagefind/`);
      },
    },
  };
}
