/**
 * The page side of an exercise, loaded by ./loader.ts on first use: swaps the starter for
 * the editor, runs the reader's code against the checks in the cell runner (the same
 * sandboxed worker as the cells), and shows each check as passed or "not yet" with its
 * message, plus what the code printed and any error, as text (never HTML).
 *
 * No lost work, as with the cells: the reader's code is saved as typed (persist.ts) and
 * restored after a reload; Reset and "Put the solution in the editor" ask first when
 * they would replace the reader's own code.
 */
import type { EditorView } from '@codemirror/view';
import { pagePool } from '../sandbox.ts';
import { runInPool } from '../run-in-pool.ts';
import { openEditor } from '../open-editor.ts';
import { confirmDialog } from '../confirm-dialog.ts';
import { clearRan, showRan } from '../ran-cue.ts';
import { currentChapter as chapter, exerciseSlot, forgetEdit, loadEdit, saveEdit } from '../persist.ts';
import { EXERCISE_SELECTOR, readExercise } from '../page-props.ts';
import {
  runExercise,
  summaryOf,
  type CellRunner,
  type ExerciseResult,
  type ExerciseSpec,
} from './run-exercise.ts';

interface ExerciseState {
  el: HTMLElement;
  index: number;
  spec: ExerciseSpec;
  original: string;
  solution: string;
  source: string;
  editor: EditorView | null;
  running: boolean;
  /** The result area as the page came, before any Check (Reset puts it back). */
  blankResult: HTMLElement | null;
}

const states = new WeakMap<HTMLElement, ExerciseState>();

function stateOf(el: HTMLElement): ExerciseState {
  let s = states.get(el);
  if (!s) {
    const { index, spec, starterCode, solutionCode } = readExercise(el);
    s = {
      el,
      index,
      spec,
      original: starterCode,
      solution: solutionCode,
      source: starterCode,
      editor: null,
      running: false,
      blankResult: el.querySelector<HTMLElement>('.exercise-result')?.cloneNode(true) as HTMLElement | null,
    };
    states.set(el, s);
  }
  return s;
}

/** The browser's runner: a worker from the page's pool (shared with the cells), one run. */
const browserRunner: CellRunner = (sources, timeouts) => runInPool(pagePool(), sources, timeouts);

/** Run the reader's code against the checks and show the result. */
export async function check(el: HTMLElement): Promise<void> {
  const state = stateOf(el);
  if (state.running) return;
  const button = el.querySelector<HTMLButtonElement>('[data-exercise-action="check"]');
  const result = el.querySelector<HTMLElement>('.exercise-result');
  state.running = true;
  el.classList.add('is-running');
  result?.setAttribute('aria-busy', 'true');
  if (button) button.disabled = true;
  const started = performance.now();
  try {
    show(el, await runExercise(state.spec, state.source, browserRunner));
  } catch (e) {
    show(el, {
      checks: [],
      output: [],
      problems: [`The code runner failed: ${e instanceof Error ? e.message : String(e)}`],
      passed: false,
    });
  } finally {
    state.running = false;
    el.classList.remove('is-running');
    result?.removeAttribute('aria-busy');
    if (button) button.disabled = false;
  }
  // A visible sign that the check ran, also when its verdict is the same as before.
  showRan(el.querySelector('.exercise-ran'), result, 'Checked', performance.now() - started);
}

function show(el: HTMLElement, r: ExerciseResult): void {
  const summary = el.querySelector<HTMLElement>('.exercise-summary');
  const list = el.querySelector<HTMLElement>('.exercise-checks');
  const problems = el.querySelector<HTMLElement>('.exercise-problems');
  const output = el.querySelector<HTMLElement>('.exercise-output');
  el.dataset.state = r.passed ? 'passed' : 'failed';
  if (summary) {
    summary.textContent = summaryOf(r);
  }
  if (list) {
    list.replaceChildren(
      ...r.checks.map((c) => {
        const li = document.createElement('li');
        li.dataset.state = c.passed ? 'passed' : 'failed';
        const mark = document.createElement('span');
        mark.className = 'exercise-mark';
        mark.setAttribute('aria-hidden', 'true');
        mark.textContent = c.passed ? '✓' : '✗';
        const word = document.createElement('span');
        word.className = 'visually-hidden';
        word.textContent = c.passed ? 'Passed: ' : 'Not yet: ';
        const name = document.createElement('span');
        name.className = 'exercise-check-name';
        name.textContent = c.name;
        li.append(mark, word, name);
        if (!c.passed && c.message) {
          const message = document.createElement('span');
          message.className = 'exercise-check-message';
          message.textContent = c.message;
          li.append(message);
        }
        return li;
      }),
    );
  }
  if (problems) {
    problems.replaceChildren(
      ...r.problems.map((p) => Object.assign(document.createElement('p'), { textContent: p })),
    );
    problems.hidden = r.problems.length === 0;
  }
  if (output) {
    output.textContent = r.output.join('\n');
    output.hidden = r.output.length === 0;
  }
}

/** Replace the highlighted starter with an editor (once) and focus it. */
export async function edit(
  el: HTMLElement,
  options: { focus: boolean; focusIf?: () => boolean },
): Promise<void> {
  const state = stateOf(el);
  const resetButton = () => el.querySelector<HTMLButtonElement>('[data-exercise-action="reset"]');
  const opened = await openEditor(state, {
    ...options,
    code: el.querySelector<HTMLElement>('.exercise-code'),
    editButton: el.querySelector<HTMLButtonElement>('[data-exercise-action="edit"]'),
    settings: () => ({
      doc: state.source,
      label: `Your code for exercise ${state.index + 1}`,
      onRun: () => void check(el),
      // Escape leaves the editor (it never traps the keyboard): focus goes to Check.
      onEscape: () => el.querySelector<HTMLButtonElement>('[data-exercise-action="check"]')?.focus(),
      onChange: (doc) => {
        state.source = doc;
        saveEdit(chapter(), exerciseSlot(state.index), state.original, doc);
        const reset = resetButton();
        if (reset) reset.hidden = doc === state.original;
      },
    }),
  });
  const reset = resetButton();
  if (opened && reset) reset.hidden = state.source === state.original;
}

function replaceSource(el: HTMLElement, text: string): void {
  const state = stateOf(el);
  if (!state.editor) return;
  state.editor.dispatch({ changes: { from: 0, to: state.editor.state.doc.length, insert: text } });
  state.editor.focus();
}

/** The reader's own code, which replacing would lose: neither the starter nor the solution. */
const ownCode = (state: ExerciseState) => state.source !== state.original && state.source !== state.solution;

/** Ask, then put the starter back. */
export async function reset(el: HTMLElement): Promise<void> {
  const state = stateOf(el);
  const n = state.index + 1;
  if (
    ownCode(state) &&
    !(await confirmDialog(
      `Reset exercise ${n}?`,
      `Your code for exercise ${n} will be lost and the starter code put back.`,
      `Reset exercise ${n}`,
    ))
  ) {
    el.querySelector<HTMLButtonElement>('[data-exercise-action="reset"]')?.focus();
    return;
  }
  replaceSource(el, state.original);
  forgetEdit(chapter(), exerciseSlot(state.index));
  // The last Check judged code that is gone: back to the list of checks, none run.
  if (state.blankResult) el.querySelector('.exercise-result')?.replaceWith(state.blankResult.cloneNode(true));
  clearRan(el.querySelector('.exercise-ran'));
  delete el.dataset.state;
}

/**
 * Put the solution in the editor (the reader asked for it; asked again if that replaces
 * their own code). The source changes at once, so a Check pressed while the editor is
 * still loading checks the solution.
 */
export async function useSolution(el: HTMLElement): Promise<void> {
  const state = stateOf(el);
  const n = state.index + 1;
  if (
    ownCode(state) &&
    !(await confirmDialog(
      `Replace your code for exercise ${n}?`,
      `Your code for exercise ${n} will be replaced by the solution.`,
      'Put the solution in',
    ))
  ) {
    el.querySelector<HTMLButtonElement>('[data-exercise-action="use-solution"]')?.focus();
    return;
  }
  state.source = state.solution;
  saveEdit(chapter(), exerciseSlot(state.index), state.original, state.source);
  if (state.editor) replaceSource(el, state.solution);
  else await edit(el, { focus: true });
}

/**
 * On page load (the loader calls this when the chapter has saved exercise code): put
 * each saved code in its exercise's editor. Code saved against an older starter is
 * restored too, with a note, so that nothing the reader wrote is lost.
 */
export async function restore(): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (const el of document.querySelectorAll<HTMLElement>(EXERCISE_SELECTOR)) {
    const state = stateOf(el);
    const saved = loadEdit(chapter(), exerciseSlot(state.index), state.original);
    if (saved.status === 'none') continue;
    state.source = saved.code;
    jobs.push(edit(el, { focus: false }));
    if (saved.status === 'stale') {
      const problems = el.querySelector<HTMLElement>('.exercise-problems');
      if (problems) {
        problems.replaceChildren(
          Object.assign(document.createElement('p'), {
            textContent:
              "Your code from an earlier visit is back in the editor. The exercise's starter code has changed since: Reset shows the new one.",
          }),
        );
        problems.hidden = false;
      }
    }
  }
  await Promise.all(jobs);
}
