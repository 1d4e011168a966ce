/**
 * Builds the Pagefind full-text index of the static output (chapters, cells and their
 * outputs: every page whose content carries `data-pagefind-body`) into `<dist>/pagefind/`.
 * The browser loads it only when the reader opens search (src/components/site-client.ts).
 */
import * as pagefind from 'pagefind';

/** Page parts that are not reading matter: cell buttons, navigation. */
const EXCLUDE = ['.cell-bar', '.chapter-nav', '.outline', '.cells-hint', '.katex-mathml'];

export async function buildSearchIndex(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE, forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir.replace(/\/$/, '')}/pagefind` });
    if (written.errors.length)
      throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
