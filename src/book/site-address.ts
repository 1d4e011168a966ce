/**
 * Where the built site lives, from two environment variables, so a fork can publish
 * under a sub-path (GitHub Pages: SITE_URL=https://<user>.github.io BASE_PATH=/<repo>).
 * Read by astro.config.mjs (Astro's `site` and `base`) and by `npm run new-lesson`
 * (the URL it prints). Both are optional: by default the site is served at the root, and
 * a build without SITE_URL leaves out what needs an absolute address (the sitemap, canonical
 * links). The GitHub Pages workflow (.github/workflows/pages.yml) sets both from the
 * repository's Pages settings; on Netlify, SITE_URL defaults to the address Netlify gives.
 */

/** Default origin of `npm start` / `npm run preview`. */
export const LOCAL_ORIGIN = 'http://localhost:4321';

/**
 * The base path, with a leading and a trailing slash: '' or '/' -> '/',
 * 'book' -> '/book/', '/a/b/' -> '/a/b/'. Throws on characters a URL path cannot hold.
 */
export function basePath(value: string | undefined = process.env.BASE_PATH): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (
    !/^[A-Za-z0-9._~\-/]+$/.test(trimmed) ||
    trimmed.split('/').some((s) => s === '' || s === '.' || s === '..')
  ) {
    throw new Error(
      `BASE_PATH="${value}" is not a usable path: use letters, digits, dots, dashes and single slashes, e.g. BASE_PATH=/my-book`,
    );
  }
  return `/${trimmed}/`;
}

/**
 * The address a host tells its builds the site will have, when SITE_URL is not set:
 * Netlify's `URL` (the site's main address, its custom domain if it has one).
 */
export function hostSiteUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.NETLIFY === 'true' && env.URL ? env.URL : undefined;
}

/** The site's origin from SITE_URL (no trailing slash), or undefined when unset. */
export function siteUrl(
  value: string | undefined = process.env.SITE_URL || hostSiteUrl(),
): string | undefined {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(
      `SITE_URL="${value}" is not a URL: write it with its scheme, e.g. SITE_URL=https://you.github.io`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL="${value}" must start with https:// or http://`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `SITE_URL="${value}" must be the origin only (e.g. https://you.github.io); put the path in BASE_PATH (e.g. BASE_PATH=${url.pathname.replace(/\/+$/, '') || '/'})`,
    );
  }
  return url.origin;
}

/** The address of a chapter: `<site or localhost><base><id>/`. */
export function chapterUrl(id: string, env: { base?: string; site?: string } = {}): string {
  return `${env.site ?? LOCAL_ORIGIN}${env.base ?? '/'}${id}/`;
}
