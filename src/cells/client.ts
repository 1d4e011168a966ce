/**
 * The page side of the cells, loaded by loader.ts on the first interaction (or at once
 * when the reader has saved edits or opened a share link). A cell element
 * (components/Cell.astro) carries its source, time limit and `throws` flag; this module
 * swaps in the editor, runs the notebook up to a cell in a sandboxed worker and writes
 * the output as plain text (textContent, never HTML).
 *
 * No lost work: edits are saved as typed (persist.ts) and restored on reload with an
 * "edited" badge; Reset asks first (a modal <dialog>); Share copies a link carrying the
 * code (share.ts); a shared cell is marked "shared" and never runs by itself.
 *
 * A figure's cell (.figure-cell: components/Cell.astro with `figure`, in an explorable's "Open as
 * code") runs alone, not as part of the chapter's notebook, and follows its figure: its
 * code is the code of the figure's current state (setFigureCode) until the reader edits
 * it; Reset then puts the figure's code back. Its edits are saved like a cell's.
 */
import { cellOutcome } from './notebook.ts';
import { outputParts } from './output-parts.ts';
import { CELL_SELECTOR, FIGURE_CELL_SELECTOR, readCell } from './page-props.ts';
import { pagePool } from './sandbox.ts';
import { INTERRUPTED } from './session.ts';
import { runInPool } from './run-in-pool.ts';
import {
  currentChapter as chapter,
  figureSlot,
  forgetEdit,
  loadEdit,
  saveEdit,
  type EditSlot,
} from './persist.ts';
import { openEditor } from './open-editor.ts';
import { confirmDialog } from './confirm-dialog.ts';
import { clearRan, showRan } from './ran-cue.ts';
import { keepReachable, watchScrollBox } from '../components/scroll-reach.ts';
import type { EditorView } from '@codemirror/view';

interface CellState {
  el: HTMLElement;
  index: number;
  /** Where its edits are saved: the cell's index, or `figure-<id>` for a figure's cell. */
  slot: EditSlot;
  /** A figure's cell: runs alone and follows its figure. */
  figure: boolean;
  /** How messages name it: "cell 3", or "the figure's cell". */
  name: string;
  /** The code Reset puts back: the lesson's, or (a figure's cell) the figure's current code. */
  original: string;
  /** The lesson's code as built: saved edits are checked against it. */
  base: string;
  source: string;
  timeout: number;
  throws: boolean;
  editor: EditorView | null;
  running: boolean;
  /** The code came from a share link and the reader has not changed it yet. */
  shared: boolean;
  /** The pre-rendered output of the lesson's code, as the page came (Reset puts it back). */
  lessonOutput: HTMLElement | null;
}

const states = new WeakMap<HTMLElement, CellState>();

/** The chapter's cells (its notebook), in page order. */
function allCells(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(CELL_SELECTOR));
}

/** The cells of the page's figures ("Open as code"). */
function figureCells(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(FIGURE_CELL_SELECTOR));
}

function stateOf(el: HTMLElement): CellState {
  let s = states.get(el);
  if (!s) {
    const { index, figure, source, timeout, throws } = readCell(el);
    s = {
      el,
      index,
      slot: figure === undefined ? index : figureSlot(figure),
      figure: figure !== undefined,
      name: figure === undefined ? `cell ${index + 1}` : "the figure's cell",
      original: source,
      base: source,
      source,
      timeout,
      throws,
      editor: null,
      running: false,
      shared: false,
      lessonOutput: el.querySelector<HTMLElement>('.cell-output')?.cloneNode(true) as HTMLElement | null,
    };
    states.set(el, s);
  }
  return s;
}

const button = (el: HTMLElement, action: string) =>
  el.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);

/** Warm up: start a worker so the first Run does not wait for it. */
export function prepare(): void {
  pagePool().warm();
}

/** Run the notebook up to this cell and show the cell's output. */
export async function run(el: HTMLElement): Promise<void> {
  const state = stateOf(el);
  if (state.running) return;
  const cells = state.figure
    ? [state]
    : allCells()
        .map(stateOf)
        .filter((c) => c.index <= state.index);
  cells.sort((a, b) => a.index - b.index);
  const runButton = button(el, 'run');
  const output = outputOf(el);
  // The "not run yet" note of a shared cell is done with once the reader runs it.
  const note = el.querySelector<HTMLElement>('.cell-note[data-kind="shared"]');
  if (note) note.hidden = true;
  state.running = true;
  el.classList.add('is-running');
  output.setAttribute('aria-busy', 'true');
  if (runButton) runButton.disabled = true;
  const started = performance.now();
  try {
    const result = await runInPool(
      pagePool(),
      cells.map((c) => c.source),
      cells.map((c) => c.timeout),
    );
    if (result.failure) {
      show(output, failureText(result.failure), 'error');
    } else {
      const outcome = cellOutcome(
        result.runs,
        cells.length - 1,
        cells.map((c) => c.throws),
        result.stop,
      );
      show(output, outcome.text, outcome.stopped ? 'stopped' : outcome.threw ? 'error' : 'ok');
    }
  } catch (e) {
    show(output, `The cell runner failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
  } finally {
    state.running = false;
    el.classList.remove('is-running');
    output.removeAttribute('aria-busy');
    if (runButton) runButton.disabled = false;
  }
  // A visible sign that it ran, also when the output is the same as before.
  const stopped = output.dataset.status === 'stopped';
  showRan(el.querySelector('.cell-ran'), output, stopped ? 'Stopped' : 'Ran', performance.now() - started);
}

/** A worker that died is most often one that ran out of memory. */
function failureText(reason: string): string {
  if (reason === INTERRUPTED) {
    return 'Interrupted: another run on this page was stopped, and the cell runner it shared with this cell was restarted. Run this cell again.';
  }
  return `Stopped: ${reason}. The cell may have used too much memory (or crashed its runner); the next Run starts a fresh one.`;
}

function outputOf(el: HTMLElement): HTMLElement {
  let output = el.querySelector<HTMLElement>('.cell-output');
  if (!output) {
    output = document.createElement('pre');
    output.className = 'cell-output';
    output.setAttribute('role', 'log');
    output.setAttribute('aria-live', 'polite');
    el.append(output);
  }
  return output;
}

function show(output: HTMLElement, text: string, status: string): void {
  output.hidden = false;
  output.dataset.status = status;
  output.dataset.ran = 'true';
  output.removeAttribute('data-outdated');
  // Tensor reprs in their own spans: on phones text wraps, tensors scroll (src/styles/cells.css).
  output.replaceChildren(
    ...(text === ''
      ? ['(no output)']
      : outputParts(text).map((p) => {
          if (p.kind !== 'tensor') return p.text;
          const span = document.createElement('span');
          span.className = 'cell-output-tensor';
          span.textContent = p.text;
          return span;
        })),
  );
  output.classList.toggle('is-empty', text === '');
  // A long or wide output scrolls inside the cell: keyboard users must be able to reach it.
  keepReachable(output);
}

/** Say something to screen readers (and nothing visible) in the cell's status region. */
function announce(el: HTMLElement, text: string): void {
  const status = el.querySelector<HTMLElement>('.cell-status');
  if (!status) return;
  status.textContent = '';
  requestAnimationFrame(() => (status.textContent = text));
}

/** The badge and Reset button follow the cell's code: lesson's, edited or shared. */
function markState(state: CellState): void {
  const { el } = state;
  const changed = state.source !== state.original;
  const kind = !changed ? '' : state.shared ? 'shared' : 'edited';
  el.classList.toggle('is-edited', changed);
  el.dataset.state = kind || 'lesson';
  const badge = el.querySelector<HTMLElement>('[data-badge]');
  if (badge) {
    badge.hidden = !kind;
    badge.dataset.kind = kind;
    badge.textContent = kind;
    badge.title =
      kind === 'shared'
        ? 'This code came from a shared link'
        : kind === 'edited'
          ? 'Your edit, saved in this browser'
          : '';
  }
  const reset = button(el, 'reset');
  if (reset) reset.hidden = !changed;
  // The pre-rendered output belongs to the lesson's code until the reader runs theirs.
  const output = el.querySelector<HTMLElement>('.cell-output');
  if (output && !output.dataset.ran) output.toggleAttribute('data-outdated', changed);
}

/** Replace the highlighted code with an editor (once) and focus it. */
export async function edit(
  el: HTMLElement,
  options: { focus: boolean; focusIf?: () => boolean },
): Promise<void> {
  const state = stateOf(el);
  await openEditor(state, {
    ...options,
    code: el.querySelector<HTMLElement>('.cell-code'),
    editButton: button(el, 'edit'),
    settings: () => ({
      doc: state.source,
      label: state.figure ? "Code of the figure's current state" : `Code of ${state.name}`,
      onRun: () => void run(el),
      onEscape: () => button(el, 'run')?.focus(),
      onChange: (doc) => {
        if (doc === state.source) return;
        state.source = doc;
        state.shared = false;
        saveEdit(chapter(), state.slot, state.base, doc);
        markState(state);
      },
    }),
  });
}

/** Put `code` into the cell (opening the editor), without saving it as the reader's edit. */
async function load(state: CellState, code: string, shared: boolean): Promise<void> {
  state.source = code;
  state.shared = shared;
  if (state.editor) {
    state.editor.dispatch({ changes: { from: 0, to: state.editor.state.doc.length, insert: code } });
    state.source = code;
    state.shared = shared;
  } else {
    await edit(state.el, { focus: false });
  }
  markState(state);
}

/** Ask (a modal dialog: focus stays in it, Escape cancels), then put the lesson's code back. */
export async function reset(el: HTMLElement): Promise<void> {
  const state = stateOf(el);
  if (state.source === state.original) return;
  const { name } = state;
  const ok = await confirmDialog(
    `Reset ${name}?`,
    state.shared
      ? `The shared code in ${name} will be replaced by the lesson's code.`
      : state.figure
        ? `Your edits to ${name} will be lost and the code of the figure's current state put back.`
        : `Your edits to ${name} will be lost and the lesson's code put back.`,
    `Reset ${name}`,
  );
  if (!ok) {
    button(el, 'reset')?.focus();
    return;
  }
  forgetEdit(chapter(), state.slot);
  await load(state, state.original, false);
  forgetEdit(chapter(), state.slot);
  // The output of the reader's last run belongs to code that is gone: show the lesson's.
  if (state.lessonOutput) {
    const lessons = state.lessonOutput.cloneNode(true) as HTMLElement;
    el.querySelector('.cell-output')?.replaceWith(lessons);
    watchScrollBox(lessons);
  }
  clearRan(el.querySelector('.cell-ran'));
  el.querySelector<HTMLElement>('.cell-note')?.setAttribute('hidden', '');
  announce(
    el,
    state.figure
      ? `${capitalised(name)} reset to the figure's code`
      : `${capitalised(name)} reset to the lesson's code`,
  );
  state.editor?.focus();
}

/** Copy the cell's current code to the clipboard. */
export async function copy(el: HTMLElement): Promise<void> {
  const state = stateOf(el);
  try {
    await navigator.clipboard.writeText(state.source);
    announce(el, `Code of ${state.name} copied`);
    flash(el, 'copy', 'Copied');
  } catch {
    announce(el, 'Could not copy: the browser did not allow it');
    flash(el, 'copy', 'Copy failed');
  }
}

/** Copy a link that carries the cell's current code; show it when the clipboard is refused. */
export async function share(el: HTMLElement): Promise<void> {
  const state = stateOf(el);
  const { shareUrl } = await import('./share.ts');
  const url = shareUrl(location.href, state.index, state.source);
  try {
    await navigator.clipboard.writeText(url);
    announce(el, `Link to the code of cell ${state.index + 1} copied`);
    flash(el, 'share', 'Link copied');
  } catch {
    const note = noteOf(el);
    note.replaceChildren();
    note.dataset.kind = 'link';
    const label = document.createElement('label');
    label.textContent = `Link to the code of cell ${state.index + 1} (copy it):`;
    const input = document.createElement('input');
    input.readOnly = true;
    input.value = url;
    label.append(input);
    note.append(label);
    note.hidden = false;
    input.focus();
    input.select();
  }
}

/** Briefly change a button's visible text (its accessible name keeps the action). */
function flash(el: HTMLElement, action: string, text: string): void {
  const b = button(el, action);
  const label = b?.firstChild;
  if (!b || !label || label.nodeType !== Node.TEXT_NODE) return;
  const before = b.dataset.label ?? label.textContent ?? '';
  b.dataset.label = before;
  label.textContent = text;
  setTimeout(() => (label.textContent = before), 1500);
}

function noteOf(el: HTMLElement): HTMLElement {
  return el.querySelector<HTMLElement>('.cell-note')!;
}

/**
 * On page load (called by the loader when there is something to restore): the reader's
 * saved edits, each checked against the lesson's current code, then a shared cell
 * from the URL fragment (which wins over a saved edit of that cell, without erasing it).
 */
export async function restore(): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (const el of [...allCells(), ...figureCells()]) {
    const state = stateOf(el);
    const saved = loadEdit(chapter(), state.slot, state.base);
    if (saved.status === 'restored') jobs.push(load(state, saved.code, false));
    else if (saved.status === 'stale') staleNotice(state, saved.code);
  }
  await Promise.all(jobs);
  if (location.hash.startsWith('#cell-')) {
    const { readShareFragment } = await import('./share.ts');
    const shared = readShareFragment(location.hash);
    const el = shared && allCells().find((c) => stateOf(c).index === shared.index);
    if (shared && el) {
      const state = stateOf(el);
      if (shared.code !== state.original) await load(state, shared.code, true);
      const note = noteOf(el);
      note.replaceChildren(
        paragraph(
          'This cell holds code from a shared link. It has not been run: read it, then press Run if you want to.',
        ),
      );
      note.dataset.kind = 'shared';
      note.hidden = false;
      el.scrollIntoView({ block: 'center' });
    }
  }
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

/** The reader edited this cell when the lesson's code was different: ask before restoring. */
function staleNotice(state: CellState, code: string): void {
  const note = noteOf(state.el);
  const restoreButton = document.createElement('button');
  restoreButton.type = 'button';
  restoreButton.className = 'cell-button';
  restoreButton.textContent = 'Restore my edit';
  const discard = document.createElement('button');
  discard.type = 'button';
  discard.className = 'cell-button';
  discard.textContent = 'Discard it';
  restoreButton.addEventListener('click', () => {
    note.hidden = true;
    void load(state, code, false).then(() => {
      saveEdit(chapter(), state.slot, state.base, code);
      state.editor?.focus();
    });
  });
  discard.addEventListener('click', () => {
    forgetEdit(chapter(), state.slot);
    note.hidden = true;
    button(state.el, 'run')?.focus();
  });
  note.dataset.kind = 'stale';
  note.replaceChildren(
    paragraph(
      `You edited ${state.name} earlier, but the lesson's code of this cell has changed since, so your edit was not restored.`,
    ),
    restoreButton,
    discard,
  );
  note.hidden = false;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A figure's cell follows its figure: `code` (the code of the figure's current state)
 * becomes what Reset puts back, and the cell's code too unless the reader has edited it.
 * Opens the editor the first time the code changes (the explorable calls this while its
 * "Open as code" is open).
 */
export async function setFigureCode(el: HTMLElement, code: string): Promise<void> {
  const state = stateOf(el);
  const following = state.source === state.original;
  state.original = code;
  if (!following || state.source === code) return markState(state);
  await load(state, code, false);
  // The output shown came from the figure's earlier state: say so until the reader runs this one.
  const output = el.querySelector<HTMLElement>('.cell-output');
  if (output && !output.hidden) output.setAttribute('data-outdated', 'figure');
}
