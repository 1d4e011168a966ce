/**
 * Draws public/og-card.png (1200×630), the image link previews show for every page
 * (Open Graph / Twitter card), with Chromium. Run again after changing the title:
 *   node scripts/site/og-card.ts
 */
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../../public/og-card.png', import.meta.url));
const html = `<!doctype html><html><body style="margin:0">
<div style="box-sizing:border-box;width:1200px;height:630px;padding:80px 90px;display:flex;flex-direction:column;justify-content:space-between;
  background:#0d1117;color:#e6edf3;font-family:system-ui,'DejaVu Sans',sans-serif">
  <div style="font-size:30px;letter-spacing:.12em;text-transform:uppercase;color:#7cb7ff;font-weight:650">A short, runnable book</div>
  <div>
    <div style="font-size:92px;font-weight:750;line-height:1.05">Cross-Entropy,<br>Cell by Cell</div>
    <div style="margin-top:28px;font-size:34px;color:#a1abb7;max-width:960px">Binary, multiclass and pixel-wise cross-entropy, derived and checked in live TypeScript cells.</div>
  </div>
  <pre style="margin:0;font:28px 'DejaVu Sans Mono',monospace;color:#addcff">crossEntropy(logits, target)  <span style="color:#a1abb7">// tensor(0.9862)</span></pre>
</div></body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
