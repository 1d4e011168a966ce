/**
 * The link-preview card (Open Graph / Twitter image, 1200×630 PNG) drawn from book.config.ts
 * at build time by src/pages/og-card.png.ts, so it always shows the book's current title:
 * Satori lays the card out (flexbox, line breaks) as SVG, resvg's WebAssembly build paints
 * it. Neither needs a browser or system fonts, so the card is the same on every host. The
 * fonts are KaTeX's sans-serif and typewriter faces (TrueType, from the katex package the
 * math already uses); they cover Latin scripts only.
 *
 * The PNG carries its title and description as text chunks (./png-text.ts), which the tests
 * read back.
 */
import satori from 'satori';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import type { BookConfig } from '../book/book-config-schema.ts';
import { withText } from './png-text.ts';

export const OG_CARD = { width: 1200, height: 630 };

export interface OgCardOptions {
  /** The site's address without the scheme (e.g. you.github.io/book), shown at the bottom. */
  address?: string;
  /** Where an image logo is read from (book.config.ts `logo.image` is relative to it). */
  publicDir?: string;
}

const require = createRequire(import.meta.url);

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
function cardFonts() {
  if (fonts) return fonts;
  const dir = join(dirname(require.resolve('katex/package.json')), 'dist/fonts');
  const font = (file: string) => readFileSync(join(dir, file));
  fonts = [
    { name: 'Sans', data: font('KaTeX_SansSerif-Regular.ttf'), weight: 400, style: 'normal' },
    { name: 'Sans', data: font('KaTeX_SansSerif-Bold.ttf'), weight: 700, style: 'normal' },
    { name: 'Mono', data: font('KaTeX_Typewriter-Regular.ttf'), weight: 400, style: 'normal' },
    // Satori takes a glyph the faces above lack (…, curly quotes, dashes) from the next font.
    { name: 'Serif', data: font('KaTeX_Main-Regular.ttf'), weight: 400, style: 'normal' },
  ];
  return fonts;
}

let wasm: Promise<void> | undefined;
function resvgReady(): Promise<void> {
  wasm ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return wasm;
}

/** A node of Satori's element tree (what JSX would build). */
interface CardNode {
  type: string;
  props: {
    style?: Record<string, unknown>;
    children?: CardNode | string | (CardNode | string)[];
    src?: string;
  };
}
const el = (
  type: string,
  style: Record<string, unknown>,
  children?: CardNode['props']['children'],
): CardNode => ({
  type,
  props: { style, children },
});

/** The card as PNG bytes. */
export async function drawOgCard(book: BookConfig, options: OgCardOptions = {}): Promise<Uint8Array> {
  const svg = await satori(cardTree(book, options) as never, { ...OG_CARD, fonts: cardFonts() });
  await resvgReady();
  const png = new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng();
  return withText(png, { Title: book.title, Description: book.description });
}

function cardTree(book: BookConfig, { address, publicDir }: OgCardOptions): CardNode {
  const title = book.title;
  const titleSize = title.length > 60 ? 60 : title.length > 36 ? 72 : 88;
  const logo = logoNode(book, publicDir);
  const footer = address ?? (book.authors.length > 0 ? book.authors.join(', ') : undefined);
  return el(
    'div',
    {
      width: OG_CARD.width,
      height: OG_CARD.height,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '72px 90px',
      background: '#0d1117',
      color: '#e6edf3',
      fontFamily: 'Sans',
    },
    [
      el('div', { display: 'flex', alignItems: 'center', gap: 24 }, [
        logo,
        el(
          'div',
          { fontSize: 30, letterSpacing: 3, textTransform: 'uppercase', color: '#7cb7ff', fontWeight: 700 },
          book.subtitle ?? '',
        ),
      ]),
      el('div', { display: 'flex', flexDirection: 'column', width: '100%' }, [
        el('div', { fontSize: titleSize, fontWeight: 700, lineHeight: 1.08, textWrap: 'balance' }, title),
        el(
          'div',
          { marginTop: 28, fontSize: 34, lineHeight: 1.3, color: '#a1abb7', lineClamp: 3 },
          clip(book.description, 190),
        ),
      ]),
      el('div', { fontSize: 28, color: '#addcff', fontFamily: 'Mono' }, footer ?? ''),
    ],
  );
}

/**
 * The logo: the text logo as a square with its letters (in the card's font: resvg has no
 * system fonts for an SVG's <text>), or the image from public/ (SVG, PNG or JPEG).
 */
function logoNode(book: BookConfig, publicDir: string | undefined): CardNode {
  const logo = book.logo;
  const box = { width: 64, height: 64, borderRadius: 10 };
  if (logo.kind === 'image' && publicDir) {
    const type = {
      '.svg': 'image/svg+xml',
      '.png': 'image/png',
      '.jpg': 'image/jpeg',
      '.jpeg': 'image/jpeg',
    }[extname(logo.image).toLowerCase()];
    if (type) {
      const data = readFileSync(join(publicDir, logo.image)).toString('base64');
      return { type: 'img', props: { src: `data:${type};base64,${data}`, style: box } };
    }
  }
  const text =
    logo.kind === 'text'
      ? logo
      : { text: [...book.title][0].toUpperCase(), background: '#1f3a8a', color: '#ffffff' };
  return el(
    'div',
    {
      ...box,
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      background: text.background,
      color: text.color,
      fontSize: [...text.text].length === 1 ? 38 : 26,
      fontWeight: 700,
    },
    text.text,
  );
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max - 1))}…`;
}
