/**
 * PNG text chunks (tEXt: a keyword and Latin-1 text) and the image's size, read and written
 * without an image library: the link-preview card (./og-card.ts) names its title this way,
 * so readers of the file (and the tests) can tell which card it is without looking at it.
 */
import { crc32 } from 'node:zlib';

/** `png` with one tEXt chunk per entry inserted after the IHDR chunk. */
export function withText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  const ihdrEnd = 8 + 4 + 4 + 13 + 4;
  const chunks = Object.entries(entries).map(([key, value]) =>
    chunk(
      'tEXt',
      Buffer.concat([Buffer.from(key, 'latin1'), Buffer.from([0]), Buffer.from(latin1(value), 'latin1')]),
    ),
  );
  return Buffer.concat([png.subarray(0, ihdrEnd), ...chunks, png.subarray(ihdrEnd)]);
}

/** The tEXt entries of a PNG. */
export function readPngText(png: Uint8Array): Record<string, string> {
  const buf = Buffer.from(png);
  const out: Record<string, string> = {};
  for (let at = 8; at + 8 <= buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'tEXt') {
      const data = buf.subarray(at + 8, at + 8 + length);
      const nul = data.indexOf(0);
      out[data.toString('latin1', 0, nul)] = data.toString('latin1', nul + 1);
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return out;
}

/** The size of a PNG from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const buf = Buffer.from(png);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** tEXt holds Latin-1: other characters become '?'. */
function latin1(s: string): string {
  return [...s].map((c) => (c.charCodeAt(0) <= 0xff ? c : '?')).join('');
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
