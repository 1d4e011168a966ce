/**
 * The base path a built site was built with (BASE_PATH), read back from its home page, so
 * `npm run preview` serves a build at the address its links expect without being told
 * BASE_PATH again. Astro writes every asset address with the base in front of `_astro/`;
 * the favicon link is the fallback for a page whose assets were all inlined.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The base path ('/' or '/book/') of the built site in `dir`, or undefined if it has no home page. */
export function builtBase(dir: string): string | undefined {
  const home = join(dir, 'index.html');
  return existsSync(home) ? baseOfPage(readFileSync(home, 'utf8')) : undefined;
}

export function baseOfPage(html: string): string {
  const found =
    /\s(?:href|src)="(\/[^"]*?)_astro\//.exec(html) ?? /<link rel="icon" href="(\/[^"]*?)[^/"]+"/.exec(html);
  return found ? found[1] : '/';
}
