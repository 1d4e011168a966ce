/**
 * Does a box that scrolls sideways SHOW that it does? Measured in pixels: the box (its top
 * 160 px) is photographed with its text made transparent, and the thin strips at its left and right
 * edges are compared with a strip in its middle. A scroll cue (a shadow, a fade, a
 * scrollbar) makes an edge strip differ from the middle; an edge that shows nothing but
 * background matches it. Checked before and after scrolling to the end, so the cue is on
 * the side where there is more to see.
 */
import type { Locator, Page } from '@playwright/test';

/** How far (in 0-255 luminance) an edge strip's typical pixel must differ to count as a cue. */
const CUE_DELTA = 8;
/** Strips start this many CSS px inside the box (past its border) and are this wide. */
const INSET = 2;
const STRIP = 4;

export interface EdgeCues {
  left: boolean;
  right: boolean;
}

const HIDE_TEXT = `[data-cue-probe], [data-cue-probe] *, [data-cue-probe]::before, [data-cue-probe] *::before {
  color: transparent !important; -webkit-text-fill-color: transparent !important;
  border-color: transparent !important; caret-color: transparent !important; }`;

/** Which edges of the box show a cue, at its current scroll position. */
export async function edgeCues(page: Page, box: Locator): Promise<EdgeCues> {
  const style = await page.addStyleTag({ content: HIDE_TEXT });
  await box.evaluate((el) => el.setAttribute('data-cue-probe', ''));
  // The top of the box is enough (a strip's typical pixel), and much faster for a tall one.
  await box.scrollIntoViewIfNeeded();
  const r = (await box.boundingBox())!;
  const png = await page.screenshot({
    clip: { x: r.x, y: r.y, width: r.width, height: Math.min(r.height, 160) },
    animations: 'disabled',
    scale: 'css',
  });
  await box.evaluate((el) => el.removeAttribute('data-cue-probe'));
  await style.evaluate((el) => (el as Element).remove());
  const medians = await page.evaluate(
    async ({ b64, inset, strip }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const median = (x: number) => {
        const { data } = ctx.getImageData(x, 0, strip, img.height);
        const lum: number[] = [];
        for (let i = 0; i < data.length; i += 4)
          lum.push(0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]);
        lum.sort((a, b) => a - b);
        return lum[Math.floor(lum.length / 2)];
      };
      return {
        left: median(inset),
        middle: median(Math.floor(img.width / 2 - strip / 2)),
        right: median(img.width - inset - strip),
      };
    },
    { b64: png.toString('base64'), inset: INSET, strip: STRIP },
  );
  return {
    left: Math.abs(medians.left - medians.middle) >= CUE_DELTA,
    right: Math.abs(medians.right - medians.middle) >= CUE_DELTA,
  };
}

/** Scroll the box sideways to `where` and let it paint. */
export async function scrollBox(box: Locator, where: 'start' | 'end'): Promise<void> {
  await box.evaluate(async (el, to) => {
    el.scrollLeft = to === 'start' ? 0 : el.scrollWidth;
    await new Promise(requestAnimationFrame);
  }, where);
}
