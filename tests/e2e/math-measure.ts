/**
 * Measures the typeset math of a page in the browser (run with page.evaluate). KaTeX draws
 * a formula as nested boxes: a vertical list (`.vlist`) stacks rows (a fraction's
 * numerator, bar and denominator; a sum's limits; a superscript over a subscript), and
 * `.msupsub` holds the scripts of the box before it. When the stylesheet does not match the
 * HTML, scripts come out full size and rows run into each other, which only a measurement
 * shows: every other check (axe, Lighthouse, text content) passes.
 *
 * Boxes here are INK boxes: where a glyph's pixels are (canvas measureText's actual
 * bounding box, placed at the glyph's baseline), plus the rules (fraction bars, over- and
 * underlines). Element boxes are no use: they follow line height, and a correct
 * superscript's line box overlaps its subscript's. SVG parts (radical signs, stretchy
 * arrows) are left out: their boxes are not their ink.
 *
 * Only the class names that name mathematical parts are used (`msupsub`, `op-limits`,
 * `op-symbol`, `vlist`, `frac-line`, `pstrut`, `katex-display`, `katex-html`); KaTeX
 * 0.16 and 0.19 share them. A page whose math has none of them reports zero scripts, and
 * the tests require some, so a renaming cannot make them pass vacuously.
 */

export interface MathReport {
  /** `.katex` elements on the page. */
  formulas: number;
  /** Script rows (superscripts, subscripts, limits) whose size was compared with their base. */
  scripts: number;
  /** Vertical lists whose rows were checked for overlap. */
  stacks: number;
  /** Scripts not smaller than their base, described. */
  tooBig: string[];
  /** Rows of one vertical list whose ink overlaps, described. */
  overlaps: string[];
  /** Display formulas whose ink reaches outside their (overflow-clipped) box, described. */
  clipped: string[];
}

/** Runs in the page. Self-contained: Playwright sends its source text to the browser. */
export async function measureMath(): Promise<MathReport> {
  /** A script at most this fraction of its base's size (TeX: 0.7 script, 0.5 scriptscript). */
  const SCRIPT_RATIO = 0.8;
  /** Ink may touch: rounding of glyph metrics is below half a pixel. */
  const TOLERANCE_PX = 0.5;

  interface Box {
    left: number;
    right: number;
    top: number;
    bottom: number;
  }
  const textOf = (el: Element) =>
    [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .replace(/[\s\u200b]/g, '');
  const texOf = (el: Element) =>
    (el.closest('.katex') ?? el.querySelector('.katex'))
      ?.querySelector('annotation[encoding="application/x-tex"]')
      ?.textContent?.trim()
      .replace(/\s+/g, ' ') ?? '(no TeX source)';
  const fontOf = (el: Element) => {
    const s = getComputedStyle(el);
    return `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
  };
  const sizeOf = (el: Element) => parseFloat(getComputedStyle(el).fontSize);

  const htmls = [...document.querySelectorAll('.katex-html')];
  const leaves = htmls.flatMap((h) => [...h.querySelectorAll('*')].filter((el) => textOf(el) !== ''));

  // Load every font the math uses, so the canvas measures with it and not a fallback.
  const fonts = new Map<string, string>();
  for (const el of leaves) fonts.set(fontOf(el), (fonts.get(fontOf(el)) ?? '') + textOf(el));
  await Promise.all([...fonts].map(([font, text]) => document.fonts.load(font, text)));
  await document.fonts.ready;

  // Each leaf's ink: a zero-size probe at the end of its text marks the baseline.
  const canvas = document.createElement('canvas').getContext('2d')!;
  const probes = leaves.map((el) => {
    const probe = document.createElement('span');
    probe.style.cssText = 'display:inline-block;width:0;height:0;vertical-align:baseline';
    el.append(probe);
    return probe;
  });
  const ink = new Map<Element, Box>();
  leaves.forEach((el, i) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    range.setEndBefore(probes[i]);
    const advance = range.getBoundingClientRect();
    const baseline = probes[i].getBoundingClientRect().top;
    canvas.font = fontOf(el);
    const m = canvas.measureText(textOf(el));
    ink.set(el, {
      left: advance.left - m.actualBoundingBoxLeft,
      right: advance.left + m.actualBoundingBoxRight,
      top: baseline - m.actualBoundingBoxAscent,
      bottom: baseline + m.actualBoundingBoxDescent,
    });
  });
  probes.forEach((p) => p.remove());

  const union = (boxes: Box[]): Box | null =>
    boxes.length === 0
      ? null
      : {
          left: Math.min(...boxes.map((b) => b.left)),
          right: Math.max(...boxes.map((b) => b.right)),
          top: Math.min(...boxes.map((b) => b.top)),
          bottom: Math.max(...boxes.map((b) => b.bottom)),
        };
  const RULES = '.frac-line, .overline-line, .underline-line';
  /** The ink of everything inside `el`: glyphs and rules. */
  const inkOf = (el: Element): Box | null =>
    union([
      ...[el, ...el.querySelectorAll('*')].flatMap((e) => (ink.has(e) ? [ink.get(e)!] : [])),
      ...[...el.querySelectorAll(RULES)]
        .map((r) => r.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0),
    ]);
  /** The largest glyph size inside `el` (a box without text: the size of the formula). */
  const glyphSize = (el: Element) => {
    const sizes = [el, ...el.querySelectorAll('*')].filter((e) => ink.has(e)).map(sizeOf);
    return sizes.length ? Math.max(...sizes) : sizeOf(el.closest('.katex') ?? el);
  };
  /** The rows of a vertical list that hold ink (not the empty spacer rows). */
  const rowsOf = (vlist: Element) =>
    [...vlist.children].filter((row) => !row.classList.contains('pstrut') && inkOf(row) !== null);
  const fmt = (n: number) => n.toFixed(1);

  const report: MathReport = {
    formulas: document.querySelectorAll('.katex').length,
    scripts: 0,
    stacks: 0,
    tooBig: [],
    overlaps: [],
    clipped: [],
  };

  // Scripts are smaller than what they are attached to. Scriptscript size is TeX's
  // smallest: a script on a base already that small may be as large as its base.
  const formulaSize = (el: Element) => sizeOf(el.closest('.katex')!);
  const checkScripts = (base: number, rows: Element[], el: Element, what: string) => {
    for (const row of rows) {
      const size = glyphSize(row);
      report.scripts += 1;
      const smallest = size <= formulaSize(el) * 0.55 && base <= formulaSize(el) * 0.55;
      if (size > base * SCRIPT_RATIO && !smallest)
        report.tooBig.push(
          `${what} "${row.textContent?.replace(/\u200b/g, '')}" is ${fmt(size)} px on a ${fmt(base)} px base in ${texOf(el)}`,
        );
    }
  };
  for (const supsub of document.querySelectorAll('.katex-html .msupsub')) {
    const base = supsub.previousElementSibling;
    const rows = [...supsub.querySelectorAll(':scope > .vlist-t > .vlist-r > .vlist')].flatMap(rowsOf);
    checkScripts(base ? glyphSize(base) : formulaSize(supsub), rows, supsub, 'script');
  }
  for (const op of document.querySelectorAll('.katex-html .op-limits')) {
    const symbol = op.querySelector('.op-symbol');
    if (!symbol) continue;
    const rows = [...op.querySelectorAll(':scope > .vlist-t > .vlist-r > .vlist')]
      .flatMap(rowsOf)
      .filter((row) => !row.contains(symbol));
    checkScripts(sizeOf(symbol), rows, op, 'limit');
  }

  // The rows of a vertical list do not overlap: no limit on its operator, no numerator
  // on its fraction bar, no superscript on its subscript.
  const intersect = (a: Box, b: Box) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOLERANCE_PX &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOLERANCE_PX;
  for (const vlist of document.querySelectorAll('.katex-html .vlist')) {
    const rows = rowsOf(vlist);
    if (rows.length < 2) continue;
    report.stacks += 1;
    const boxes = rows.map((r) => inkOf(r)!);
    for (let i = 0; i < rows.length; i++)
      for (let j = i + 1; j < rows.length; j++)
        if (intersect(boxes[i], boxes[j])) {
          const label = (r: Element) =>
            r.querySelector('.frac-line') ? 'the fraction bar' : `"${r.textContent?.replace(/\u200b/g, '')}"`;
          const a = boxes[i];
          const b = boxes[j];
          report.overlaps.push(
            `${label(rows[i])} and ${label(rows[j])} overlap by ${fmt(Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top))} px in ${texOf(vlist)}`,
          );
        }
  }

  // A display formula's box clips vertically (it scrolls sideways): its ink stays inside.
  for (const display of document.querySelectorAll('.katex-display')) {
    const box = display.getBoundingClientRect();
    const drawn = inkOf(display);
    if (!drawn) continue;
    if (drawn.top < box.top - TOLERANCE_PX || drawn.bottom > box.bottom + TOLERANCE_PX)
      report.clipped.push(
        `ink ${fmt(drawn.top - box.top)}..${fmt(drawn.bottom - box.top)} px in a ${fmt(box.height)} px box: ${texOf(display)}`,
      );
  }
  return report;
}
