/**
 * The text logo (book.config.ts `logo: { text, background, color }`): one to three
 * characters on a rounded square, as SVG. Drawn in the header (src/components/Logo.astro),
 * as the favicon (src/pages/favicon.svg.ts) and on the link-preview card.
 */
export interface TextLogo {
  text: string;
  background: string;
  color: string;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A 32×32 SVG; `attributes` go on the <svg> element (size, class, aria-hidden). */
export function textLogoSvg(logo: TextLogo, attributes = ''): string {
  const length = [...logo.text].length;
  const size = length === 1 ? 17 : length === 2 ? 14 : 10.5;
  const y = 16 + size * 0.35;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"${attributes ? ` ${attributes}` : ''}>` +
    `<rect width="32" height="32" rx="6" fill="${escapeXml(logo.background)}"/>` +
    `<text x="16" y="${y.toFixed(2)}" font-family="Georgia, serif" font-size="${size}" text-anchor="middle" fill="${escapeXml(logo.color)}">${escapeXml(logo.text)}</text>` +
    `</svg>`
  );
}
