/**
 * The page side of the cells, loaded by loader.ts on the first interaction.
 * A cell element (components/Cell.astro) carries its source, time limit and `throws`
 * flag; this module swaps in the editor, runs the notebook up to a cell in a fresh
 * worker and writes the output as plain text (textContent, never HTML).
 */
import { cellOutcome } from './notebook.ts';
import { runSession } from './session.ts';
import { createPool } from './sandbox.ts';
import type { WorkerPool } from './sandbox.ts';
import type { EditorView } from '@codemirror/view';

interface CellState {
  el: HTMLElement;
  index: number;
  original: string;
  source: string;
  timeout: number;
  throws: boolean;
  editor: EditorView | null;
  running: boolean;
}

const states = new WeakMap<HTMLElement, CellState>();
let pool: WorkerPool | null = null;
let editorModule: Promise<typeof import('./editor.ts')> | null = null;

function allCells(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.cell[data-cell]'));
}

function stateOf(el: HTMLElement): CellState {
  let s = states.get(el);
  if (!s) {
    const source = el.dataset.source ?? '';
    s = {
      el,
      index: Number(el.dataset.cell),
      original: source,
      source,
      timeout: Number(el.dataset.timeout) || 5000,
      throws: el.dataset.throws === 'true',
      editor: null,
      running: false,
    };
    states.set(el, s);
  }
  return s;
}

/** Warm up: start a worker so the first Run does not wait for it. */
export function prepare(): void {
  pool ??= createPool();
  pool.warm();
}

/** Run the notebook up to this cell and show the cell's output. */
export async function run(el: HTMLElement): Promise<void> {
  const state = stateOf(el);
  if (state.running) return;
  const cells = allCells().map(stateOf).filter((c) => c.index <= state.index);
  cells.sort((a, b) => a.index - b.index);
  const runButton = el.querySelector<HTMLButtonElement>('[data-action="run"]');
  const output = outputOf(el);
  state.running = true;
  el.classList.add('is-running');
  output.setAttribute('aria-busy', 'true');
  if (runButton) runButton.disabled = true;
  try {
    pool ??= createPool();
    const lease = await pool.take();
    const result = await runSession(
      lease.channel,
      cells.map((c) => c.source),
      { timeouts: cells.map((c) => c.timeout) },
    );
    if (!result.stop && !result.failure) lease.release();
    if (result.failure) {
      show(output, `The cell runner failed: ${result.failure}`, 'error');
    } else {
      const outcome = cellOutcome(result.runs, cells.length - 1, cells.map((c) => c.throws), result.stop);
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
}

function outputOf(el: HTMLElement): HTMLElement {
  let output = el.querySelector<HTMLElement>('.cell-output');
  if (!output) {
    output = document.createElement('pre');
    output.className = 'cell-output';
    output.setAttribute('role', 'log');
    el.append(output);
  }
  return output;
}

function show(output: HTMLElement, text: string, status: string): void {
  output.hidden = false;
  output.dataset.status = status;
  output.dataset.ran = 'true';
  output.textContent = text === '' ? '(no output)' : text;
  output.classList.toggle('is-empty', text === '');
}

/** Replace the highlighted code with an editor (once) and focus it. */
export async function edit(el: HTMLElement, options: { focus: boolean; focusIf?: () => boolean }): Promise<void> {
  const state = stateOf(el);
  if (state.editor) {
    if (options.focus) state.editor.focus();
    return;
  }
  editorModule ??= import('./editor.ts');
  const { createCellEditor } = await editorModule;
  if (state.editor) return;
  const code = el.querySelector<HTMLElement>('.cell-code');
  if (!code) return;
  const shouldFocus = options.focus && (options.focusIf ? options.focusIf() : true);
  const host = document.createElement('div');
  host.className = 'cell-editor';
  const staticCode = code.firstElementChild as HTMLElement | null;
  code.append(host);
  state.editor = createCellEditor({
    parent: host,
    doc: state.source,
    label: `Code of cell ${state.index + 1}`,
    onRun: () => void run(el),
    onChange: (doc) => {
      state.source = doc;
      const reset = el.querySelector<HTMLButtonElement>('[data-action="reset"]');
      if (reset) reset.hidden = doc === state.original;
      el.classList.toggle('is-edited', doc !== state.original);
    },
  });
  if (staticCode) staticCode.hidden = true;
  el.classList.add('is-editing');
  const editButton = el.querySelector<HTMLButtonElement>('[data-action="edit"]');
  if (editButton) editButton.hidden = true;
  if (shouldFocus) state.editor.focus();
}

/** Put the cell's original source back. */
export function reset(el: HTMLElement): void {
  const state = stateOf(el);
  if (!state.editor) return;
  state.editor.dispatch({ changes: { from: 0, to: state.editor.state.doc.length, insert: state.original } });
  state.editor.focus();
}
