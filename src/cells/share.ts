/**
 * Share links: a cell's code, lz-string compressed into the URL fragment, so the code
 * never reaches a server. `#cell-3=<code>` loads the code into cell 3 (1-based, as the
 * page numbers cells); the page marks it as shared and never runs it by itself.
 */
// lz-string is CommonJS: a default import works in Vite and in Node alike.
import LZString from 'lz-string';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

const FRAGMENT = /^#?cell-(\d+)=(.+)$/;

/** The fragment (with '#') that carries `code` for the cell at 0-based `index`. */
export function shareFragment(index: number, code: string): string {
  return `#cell-${index + 1}=${compressToEncodedURIComponent(code)}`;
}

/** The page URL plus the share fragment. */
export function shareUrl(pageUrl: string, index: number, code: string): string {
  return pageUrl.replace(/#.*$/, '') + shareFragment(index, code);
}

/** The cell (0-based) and code a fragment carries, or null when it is not a share link. */
export function readShareFragment(hash: string): { index: number; code: string } | null {
  const m = FRAGMENT.exec(hash);
  if (!m) return null;
  const code = decompressFromEncodedURIComponent(m[2]);
  if (typeof code !== 'string' || code === '') return null;
  return { index: Number(m[1]) - 1, code };
}
