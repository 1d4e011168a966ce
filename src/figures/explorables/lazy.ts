/**
 * The only explorable code a page loads up front (a few hundred bytes): it waits until an
 * explorable nears the viewport, or the reader points at it, focuses it or touches it, and
 * only then imports its code (the model, the renderer, d3 and the loss module) and makes it
 * live. Until then the explorable is the static figure rendered at build time.
 *
 * Watching the viewport starts only once the page has loaded and the browser is idle, so a
 * figure on the first screen does not add its code to the page's load.
 */

interface Live {
  hydrate(el: HTMLElement): void;
}

/** How far outside the viewport an explorable starts loading (px). */
const MARGIN = '300px 0px';

/** Make every explorable named `name` on the page live when it nears the viewport or is touched. */
export function whenNear(name: string, load: () => Promise<Live>): void {
  const els = document.querySelectorAll<HTMLElement>(`[data-explorable="${name}"]`);
  if (els.length === 0) return;
  let module: Promise<Live> | null = null;
  const started = new WeakSet<HTMLElement>();
  const start = (el: HTMLElement) => {
    if (started.has(el)) return;
    started.add(el);
    observer?.unobserve(el);
    module ??= load();
    void module.then((m) => m.hydrate(el));
  };
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            for (const e of entries) if (e.isIntersecting) start(e.target as HTMLElement);
          },
          { rootMargin: MARGIN },
        )
      : null;
  for (const el of els)
    for (const type of ['pointerenter', 'focusin', 'touchstart'])
      el.addEventListener(type, () => start(el), { once: true, passive: true });
  afterLoad(() => {
    for (const el of els) if (!started.has(el)) observer?.observe(el);
  });
}

/** Run `fn` once the page has loaded and the browser is idle (or after 2 s at most). */
function afterLoad(fn: () => void): void {
  const idle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 200);
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
