/**
 * Makes a pre-rendered explorable live (src/components/figures/Explorable.astro renders the
 * markup this reads). On every change, by a slider, a choice or the pointer, the model
 * recomputes the view with the loss module, and this redraws what changed: the figures
 * (only those whose spec changed), the numbers, the sliders' positions and spoken values,
 * the tables, and, while "Open as code" is open, the code in the figure's cell.
 *
 * The static markup already shows the initial state, so making it live moves nothing.
 */
import type { FigureKind, FigureSpec } from '../spec.ts';
import type { RenderOptions } from '../root.ts';
import { renderTables, type FigureTable } from '../table.ts';
import type { Control, ExplorableModel, View } from './model.ts';

/** How the page draws (and reads the pointer on) one kind of figure. */
export interface KindSupport {
  /** Draw the figure again (optional when `update` handles every change this explorable makes). */
  render?(spec: never, options: RenderOptions): string;
  /** SVG user units → data units (line: x, y; bars: bar index, value; heatmap: column, row). */
  invert?(spec: never, px: number, py: number): { x: number; y: number };
  /** Redraw in place instead of re-rendering (e.g. move a heatmap's outline); return false to re-render. */
  update?(slot: HTMLElement, spec: never, previous: never): boolean;
  /** The figure's numbers, when the view gives no tables of its own. */
  tables?(spec: never): FigureTable[];
}

export type Kinds = Partial<Record<FigureKind, KindSupport>>;

/** How the pointer moves the state: by dragging (press and move), or by pointing (hover). */
export type PointerMode = 'drag' | 'hover';

/** Wait this long after the last change before moving the code into the cell (ms). */
const CODE_DELAY = 150;
/** And this long before saying the new numbers (ms): one sentence after a drag, not fifty. */
const ANNOUNCE_DELAY = 500;

const KIND_OF = (slot: HTMLElement) => slot.dataset.kind as FigureKind;

export function hydrateExplorable<S>(
  root: HTMLElement,
  model: ExplorableModel<S>,
  kinds: Kinds,
  pointer: PointerMode = 'drag',
): void {
  if (root.dataset.live) return;
  root.dataset.live = 'true';
  const id = root.dataset.id ?? model.name;
  let state = model.state(JSON.parse(root.dataset.state ?? '{}') as Partial<S>);
  let view: View = model.view(state);
  const slots = [...root.querySelectorAll<HTMLElement>('[data-figure-slot]')];
  const drawn: string[] = view.figures.map((f) => JSON.stringify(f));
  const status = root.querySelector<HTMLElement>('.explorable-status');
  const tables = root.querySelector<HTMLElement>('[data-tables]');
  const codeBox = root.querySelector<HTMLDetailsElement>('details[data-code]');
  const codeCell = codeBox?.querySelector<HTMLElement>('.figure-cell[data-figure-cell]') ?? null;

  // Controls: enable them and follow them.
  for (const input of root.querySelectorAll<HTMLInputElement>('[data-control] input')) {
    input.disabled = false;
    const source = input.type === 'range' ? 'slider' : 'choice';
    input.addEventListener('input', () => change(model.set(state, input.dataset.name!, input.value), source));
  }
  root.classList.add('is-live');

  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  function announce(text: string): void {
    if (!status) return;
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      status.textContent = text;
    }, ANNOUNCE_DELAY);
  }

  function syncControls(controls: Control[]): void {
    for (const c of controls) {
      const box = root.querySelector<HTMLElement>(`[data-control="${c.name}"]`);
      if (!box) continue;
      if (c.kind === 'range') {
        const input = box.querySelector<HTMLInputElement>('input')!;
        if (input.value !== String(c.value)) input.value = String(c.value);
        input.setAttribute('aria-valuetext', c.valueText);
        const output = box.querySelector('output');
        if (output) output.textContent = c.display;
      } else {
        for (const radio of box.querySelectorAll<HTMLInputElement>('input'))
          radio.checked = radio.value === c.value;
      }
    }
  }

  function draw(figures: FigureSpec[]): void {
    figures.forEach((spec, k) => {
      const json = JSON.stringify(spec);
      const slot = slots[k];
      if (!slot || json === drawn[k]) return;
      const support = kinds[KIND_OF(slot)];
      if (!support) return;
      const previous = JSON.parse(drawn[k]) as never;
      drawn[k] = json;
      if (support.update?.(slot, spec as never, previous)) return;
      if (support.render) slot.innerHTML = support.render(spec as never, { id: `${id}-f${k}` });
    });
  }

  let codeTimer: ReturnType<typeof setTimeout> | undefined;
  function sendCode(): void {
    clearTimeout(codeTimer);
    if (!codeBox?.open || !codeCell) return;
    codeTimer = setTimeout(() => {
      void import('../../cells/client.ts').then((c) => c.setFigureCode(codeCell, view.code));
    }, CODE_DELAY);
  }
  codeBox?.addEventListener('toggle', sendCode);

  function change(next: S, source: 'slider' | 'choice' | 'pointer'): void {
    state = next;
    view = model.view(state);
    draw(view.figures);
    view.readout.forEach((r, i) => {
      const value = root.querySelector<HTMLElement>(`[data-readout="${i}"]`);
      const label = value?.previousElementSibling;
      if (value && value.textContent !== r.value) value.textContent = r.value;
      if (label && label.textContent !== r.label) label.textContent = r.label;
    });
    syncControls(model.controls(state));
    if (tables)
      tables.innerHTML = renderTables(
        view.tables ?? view.figures.flatMap((f) => kinds[f.kind]?.tables?.(f as never) ?? []),
      );
    // A slider's new value is spoken with its aria-valuetext; anything else is announced.
    if (source !== 'slider') announce(view.announce);
    sendCode();
  }

  // The pointer: drag (or point at) a figure to move the state.
  if (!model.drag) return;
  slots.forEach((slot, k) => {
    const support = kinds[KIND_OF(slot)];
    if (!support?.invert) return;
    slot.classList.add(pointer === 'hover' ? 'is-pointable' : 'is-draggable');
    const at = (e: PointerEvent) => {
      const svg = slot.querySelector('svg');
      const matrix = svg?.getScreenCTM();
      if (!svg || !matrix) return null;
      const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix.inverse());
      return support.invert!(view.figures[k] as never, p.x, p.y);
    };
    let start: { x: number; y: number } | null = null;
    const move = (e: PointerEvent) => {
      const data = at(e);
      if (!data) return;
      const next = model.drag!(state, { figure: k, ...data, start: start ?? data });
      if (next) change(next, 'pointer');
    };
    let dragging = false;
    slot.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      dragging = true;
      start = at(e);
      slot.setPointerCapture(e.pointerId);
      move(e);
    });
    slot.addEventListener('pointermove', (e) => {
      if (dragging || (pointer === 'hover' && e.pointerType === 'mouse')) move(e);
    });
    const stop = () => {
      dragging = false;
      start = null;
    };
    slot.addEventListener('pointerup', stop);
    slot.addEventListener('pointercancel', stop);
  });
}
