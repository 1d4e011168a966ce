/**
 * The site's own browser code, loaded on every page (kept tiny: it runs before any interaction):
 * the theme toggle, reading progress across chapters, keyboard access to boxes that scroll,
 * and search, whose Pagefind UI and index load only when the reader opens it.
 */
import { watchScrollBoxes } from './scroll-reach.ts';

const base = import.meta.env.BASE_URL;
const root = document.documentElement;

/* Boxes that scroll (wide formulas, outputs) take keyboard focus while they do. */
watchScrollBoxes();

/* Theme: an explicit choice in localStorage['theme'] (applied before paint by ThemeScript.astro),
   else the system setting. */
const systemDark = matchMedia('(prefers-color-scheme: dark)');
const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : systemDark.matches);
const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
if (toggle) {
  const sync = () => toggle.setAttribute('aria-pressed', String(isDark()));
  toggle.hidden = false;
  sync();
  systemDark.addEventListener('change', sync);
  toggle.addEventListener('click', () => {
    const theme = isDark() ? 'light' : 'dark';
    root.dataset.theme = theme;
    try {
      localStorage.setItem('theme', theme);
    } catch {
      // Storage blocked: the choice holds for this page only.
    }
    sync();
  });
}

/* Reading progress: localStorage['reading-progress'] maps chapter id -> 'started' | 'read'.
   A chapter is started when opened and read once its end (the prev/next links) is seen. */
type State = 'started' | 'read';
const KEY = 'reading-progress';
function load(): Record<string, State> {
  try {
    return JSON.parse(localStorage.getItem(KEY) || '{}') || {};
  } catch {
    return {};
  }
}
function save(id: string, state: State) {
  const p = load();
  if (p[id] === 'read' || p[id] === state) return;
  p[id] = state;
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Storage blocked: progress is not remembered.
  }
  show();
}
function show() {
  const p = load();
  const items = document.querySelectorAll<HTMLElement>('[data-progress-for]');
  const ids = new Set<string>();
  items.forEach((li) => {
    const state = p[li.dataset.progressFor!];
    ids.add(li.dataset.progressFor!);
    if (state) li.dataset.progress = state;
    const label = li.querySelector('.progress-label');
    if (label) label.textContent = state ? ` (${state})` : '';
  });
  document.querySelectorAll<HTMLElement>('[data-progress-summary]').forEach((el) => {
    const read = [...ids].filter((id) => p[id] === 'read').length;
    el.textContent = `${read} of ${ids.size} read`;
    el.hidden = false;
  });
}
const chapter = document.querySelector<HTMLElement>('[data-chapter-id]');
if (chapter) {
  const id = chapter.dataset.chapterId!;
  save(id, 'started');
  const end = chapter.querySelector('.chapter-nav');
  if (end && 'IntersectionObserver' in window) {
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        save(id, 'read');
        seen.disconnect();
      }
    });
    seen.observe(end);
  }
}
show();

/* Home page: once the reader has begun, the start button leads to the first chapter not yet read. */
const resume = document.querySelector<HTMLAnchorElement>('[data-continue]');
const progress = load();
if (resume && Object.keys(progress).length > 0) {
  const next = [...document.querySelectorAll<HTMLElement>('.toc [data-progress-for]')].find(
    (li) => progress[li.dataset.progressFor!] !== 'read',
  );
  const link = next?.querySelector<HTMLAnchorElement>('.toc-title a');
  if (link) {
    resume.href = link.href;
    resume.textContent = `Continue reading: ${next!.dataset.title}`;
  }
}

/* Outline: mark the section being read (the last heading above the upper third of the screen). */
const outlineLinks = new Map<string, HTMLAnchorElement>();
document.querySelectorAll<HTMLAnchorElement>('.outline a[href^="#"]').forEach((a) => {
  outlineLinks.set(decodeURIComponent(a.hash.slice(1)), a);
});
if (outlineLinks.size > 0) {
  const headings = [...outlineLinks.keys()]
    .map((id) => document.getElementById(id))
    .filter((h): h is HTMLElement => !!h);
  let current: HTMLAnchorElement | undefined;
  const mark = () => {
    const line = innerHeight / 3;
    let found: HTMLElement | undefined;
    for (const h of headings) if (h.getBoundingClientRect().top < line) found = h;
    const link = found && outlineLinks.get(found.id);
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'location');
    current = link;
  };
  let queued = false;
  addEventListener(
    'scroll',
    () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        mark();
      });
    },
    { passive: true },
  );
  mark();
}

/* Search: Pagefind's UI (its script, style and index under <base>pagefind/) loads on first open. */
const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
const openButton = document.querySelector<HTMLButtonElement>('[data-search-open]');
let loading: Promise<void> | undefined;
function loadSearch(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${base}pagefind/pagefind-ui.css`;
    document.head.append(css);
    const script = document.createElement('script');
    script.src = `${base}pagefind/pagefind-ui.js`;
    script.onload = () => {
      const ui = dialog!.querySelector<HTMLElement>('[data-search-ui]')!;
      ui.textContent = '';
      // @ts-expect-error PagefindUI is the global pagefind-ui.js defines.
      new window.PagefindUI({
        element: ui,
        showSubResults: true,
        showImages: false,
        baseUrl: base,
        resetStyles: false,
      });
      resolve();
    };
    script.onerror = () => {
      loading = undefined;
      script.remove();
      const status = dialog!.querySelector('[data-search-status]');
      if (status) status.textContent = 'Search is not available here (its index is built by npm run build).';
      reject(new Error('pagefind-ui.js did not load'));
    };
    document.head.append(script);
  });
  return loading;
}
async function openSearch() {
  if (!dialog) return;
  if (!dialog.open) dialog.showModal();
  try {
    await loadSearch();
    const input = dialog.querySelector<HTMLInputElement>('input');
    // Pagefind's input has only a placeholder: give it a real accessible name.
    input?.setAttribute('aria-label', 'Search the book');
    input?.focus();
  } catch {
    // Pagefind's files are missing (a dev server has no index): the dialog says so.
  }
}
if (dialog && openButton) {
  openButton.hidden = false;
  openButton.addEventListener('click', openSearch);
  openButton.addEventListener('pointerenter', () => loadSearch().catch(() => {}), { once: true });
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  // A result link to this page's own #anchor: close so the reader sees it.
  dialog.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a')) dialog.close();
  });
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    const typing = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
    if (!typing && (e.key === '/' || (e.key === 'k' && (e.ctrlKey || e.metaKey)))) {
      e.preventDefault();
      openSearch();
    }
  });
}
