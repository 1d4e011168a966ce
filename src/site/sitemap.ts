/**
 * sitemap.xml and robots.txt for the built site, from the pages Astro wrote.
 * Small enough not to need @astrojs/sitemap; the 404 page is left out.
 *
 * A sitemap lists absolute addresses only, so it needs SITE_URL: without it the build
 * writes no sitemap and a robots.txt without a `Sitemap:` line (./integration.ts), rather
 * than addresses on localhost.
 */

/** The absolute URL of every page, sorted, from Astro's `pages` list (pathnames without base). */
export function pageUrls(pathnames: string[], origin: string, base: string): string[] {
  const root = new URL(base.endsWith('/') ? base : `${base}/`, origin);
  return pathnames
    .filter((p) => !/^\/?404\/?$/.test(p) && !p.startsWith('404'))
    .map((p) => new URL(p.replace(/^\//, ''), root).href)
    .sort();
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function sitemapXml(urls: string[]): string {
  const entries = urls.map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>\n`;
}

/** robots.txt: everything may be crawled; the sitemap's address when there is one. */
export function robotsTxt(sitemapUrl?: string): string {
  return `User-agent: *\nAllow: /\n${sitemapUrl ? `\nSitemap: ${sitemapUrl}\n` : ''}`;
}

/** The one line a build without SITE_URL prints. */
export const NO_SITE_URL_WARNING =
  'SITE_URL is not set: the site works at any address, but it has no sitemap.xml, canonical links or absolute link-preview image. To publish, build with SITE_URL=https://… (and BASE_PATH for a sub-path): see "Publish" in the Writing lessons guide.';
