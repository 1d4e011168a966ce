/**
 * The only cell script a chapter page loads up front (keep it tiny). It reveals the
 * cells' buttons and, on the first interaction, loads client.ts (and through it the
 * runner or the editor). Until then the cells are static HTML. When the reader has
 * saved edits on this page or opened a share link, client.ts is loaded at once to
 * restore them (nothing runs).
 */
import { currentChapter, hasSavedEdits } from './persist.ts';
import { CELL_SELECTOR, FIGURE_CELL_SELECTOR } from './page-props.ts';

type Client = typeof import('./client.ts');

let client: Promise<Client> | null = null;
const load = (): Promise<Client> => (client ??= import('./client.ts'));

/** The chapter's cells and the cells of its figures ("Open as code"). */
const CELLS = `${CELL_SELECTOR}, ${FIGURE_CELL_SELECTOR}`;

const cellOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>(CELLS) : null;

function init(): void {
  const cells = document.querySelectorAll<HTMLElement>(CELLS);
  if (cells.length === 0) return;
  for (const cell of cells) {
    const actions = cell.querySelector<HTMLElement>('.cell-actions');
    if (actions) actions.hidden = false;
  }
  document.documentElement.classList.add('cells-ready');

  document.addEventListener('click', (event) => {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLButtonElement>('[data-action]') : null;
    const cell = cellOf(button);
    if (!button || !cell) return;
    const action = button.dataset.action;
    void load().then((c) => {
      if (action === 'run') void c.run(cell);
      else if (action === 'edit') void c.edit(cell, { focus: true });
      else if (action === 'reset') void c.reset(cell);
      else if (action === 'copy') void c.copy(cell);
      else if (action === 'share') void c.share(cell);
    });
  });

  // Saved edits of this chapter's cells, or a share link: restore them now.
  if (hasSavedEdits(currentChapter(), 'cell') || location.hash.startsWith('#cell-'))
    void load().then((c) => c.restore());
  addEventListener('hashchange', () => {
    if (location.hash.startsWith('#cell-')) void load().then((c) => c.restore());
  });

  // Focusing the highlighted code (click or Tab) turns it into the editor.
  document.addEventListener('focusin', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.matches('.cell-code > pre')) return;
    const cell = cellOf(target);
    if (!cell) return;
    void load().then((c) => c.edit(cell, { focus: true, focusIf: () => document.activeElement === target }));
  });

  // Start loading the runner when a reader reaches for a button.
  const warm = (event: Event) => {
    if (
      event.target instanceof Element &&
      event.target.closest(':is(.cell, .figure-cell) [data-action="run"]')
    ) {
      void load().then((c) => c.prepare());
    }
  };
  document.addEventListener('pointerover', warm, { passive: true });
  document.addEventListener('focusin', warm);
}

init();
