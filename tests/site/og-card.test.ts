/**
 * The link-preview card is drawn from the configuration it is given: 1200×630, its PNG
 * text chunks name the title and description it shows, and another title draws another
 * picture. (The built site's card is checked against book.config.ts by
 * tests/book/book-config-build.test.ts.)
 */
import { expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { bookSchema } from '../../src/book/book-config-schema.ts';
import { drawOgCard, OG_CARD } from '../../src/site/og-card.ts';
import { pngSize, readPngText, withText } from '../../src/site/png-text.ts';

const book = (title: string) =>
  bookSchema.parse({ title, subtitle: 'A course', description: 'Twelve lessons.', authors: ['Ada'] });

it('draws a 1200×630 PNG that names its title and description', async () => {
  const png = await drawOgCard(book('Focal Loss, Week by Week'), { address: 'you.github.io/book' });
  expect(pngSize(png)).toEqual(OG_CARD);
  expect(readPngText(png)).toEqual({ Title: 'Focal Loss, Week by Week', Description: 'Twelve lessons.' });
}, 30_000);

it('draws another picture for another title', async () => {
  const [a, b] = await Promise.all([drawOgCard(book('First title')), drawOgCard(book('Second title'))]);
  expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).not.toBe(0);
}, 30_000);

it('keeps the PNG valid when it adds text chunks (CRCs and order as the format wants)', async () => {
  const png = await drawOgCard(book('T'));
  const twice = withText(png, { Comment: 'é and ✓' });
  expect(readPngText(twice)).toMatchObject({ Title: 'T', Comment: 'é and ?' });
  expect(pngSize(twice)).toEqual(OG_CARD);
  expect(chunksOf(twice).slice(0, 5)).toEqual([
    { type: 'IHDR', crcOk: true },
    { type: 'tEXt', crcOk: true },
    { type: 'tEXt', crcOk: true },
    { type: 'tEXt', crcOk: true },
    { type: 'IDAT', crcOk: true },
  ]);
  expect(chunksOf(twice).every((c) => c.crcOk)).toBe(true);
}, 30_000);

/** Each chunk's type and whether its stored CRC matches its type and data. */
function chunksOf(png: Uint8Array): { type: string; crcOk: boolean }[] {
  const buf = Buffer.from(png);
  const out: { type: string; crcOk: boolean }[] = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    out.push({
      type: buf.toString('latin1', at + 4, at + 8),
      crcOk: crc32(buf.subarray(at + 4, at + 8 + length)) === buf.readUInt32BE(at + 8 + length),
    });
    at += 12 + length;
  }
  return out;
}
