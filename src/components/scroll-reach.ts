/**
 * A box that scrolls (a wide display formula, a cell's or an exercise's output) must be
 * reachable from the keyboard, or what lies past its edge is out of reach without a
 * pointer. Whether it scrolls depends on the screen's width, so it is decided here, in the
 * browser, whenever such a box changes size: a box that scrolls takes focus (tabindex 0),
 * one that fits does not (no useless tab stops on wide screens). Code blocks (Shiki) and
 * tables (src/site/rehype-table-scroll.ts) take focus already.
 */

/** The boxes that may scroll and have nothing focusable inside. */
export const SCROLL_BOXES = '.katex-display, .cell-output, .exercise-output';

/** Make `el` focusable while it scrolls, and only then. */
export function keepReachable(el: HTMLElement): void {
  const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
  if (scrolls && el.tabIndex < 0) {
    el.tabIndex = 0;
    el.dataset.scrollReach = '';
    // A formula needs a role to carry a name: a focused bare <span> would be announced as nothing.
    if (el.classList.contains('katex-display')) {
      el.setAttribute('role', 'group');
      el.setAttribute('aria-label', 'Formula');
    }
  } else if (!scrolls && el.dataset.scrollReach !== undefined) {
    el.removeAttribute('tabindex');
    delete el.dataset.scrollReach;
    if (el.classList.contains('katex-display')) {
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
  }
}

let observer: ResizeObserver | undefined;

/** Keep `box` reachable from now on, whenever its size changes. */
export function watchScrollBox(box: HTMLElement): void {
  if (!('ResizeObserver' in window)) return keepReachable(box);
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) keepReachable(entry.target as HTMLElement);
  });
  // The observer reports the box's size once at the start, then on every change.
  observer.observe(box);
}

/** Watch every scroll box on the page (called once, by site-client.ts). */
export function watchScrollBoxes(): void {
  document.querySelectorAll<HTMLElement>(SCROLL_BOXES).forEach(watchScrollBox);
}
