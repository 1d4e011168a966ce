/**
 * /favicon.svg: the book's text logo from book.config.ts (for an image logo, the title's
 * first letter on the default square; the pages then link the image itself as their icon).
 */
import type { APIRoute } from 'astro';
import { book } from '../book/book.ts';
import { textLogoSvg } from '../site/logo-svg.ts';

export const GET: APIRoute = () => {
  const logo =
    book.logo.kind === 'text'
      ? book.logo
      : { text: [...book.title][0].toUpperCase(), background: '#1f3a8a', color: '#ffffff' };
  return new Response(textLogoSvg(logo), { headers: { 'content-type': 'image/svg+xml' } });
};
