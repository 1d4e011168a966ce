/**
 * /og-card.png: the link-preview card, drawn from book.config.ts at build time
 * (../site/og-card.ts), so it never shows an old title.
 */
import type { APIRoute } from 'astro';
import { join } from 'node:path';
import { book } from '../book/book.ts';
import { drawOgCard } from '../site/og-card.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const address = site ? `${site.host}${base}`.replace(/\/$/, '') : undefined;
  // An image logo is read from public/ (Astro builds from the project folder).
  const publicDir = join(process.cwd(), 'public');
  const png = await drawOgCard(book, { address, publicDir });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
