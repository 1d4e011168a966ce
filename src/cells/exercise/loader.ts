/**
 * The exercises' page script (small, loaded with the page): reveals the buttons, turns
 * the hints into "Show a hint" one at a time, and on the first Edit or Check loads
 * ./client.ts (the editor and the runner), at once when the reader has code saved from
 * an earlier visit. Without JavaScript an exercise is its
 * starter code, its check names, and the hints and solution in <details>.
 */
import { currentChapter, hasSavedEdits } from '../persist.ts';
import { EXERCISE_SELECTOR } from '../page-props.ts';

type Client = typeof import('./client.ts');

let client: Promise<Client> | null = null;
const load = (): Promise<Client> => (client ??= import('./client.ts'));

const exerciseOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>(EXERCISE_SELECTOR) : null;

/** Hints become a button that shows the next one; all start hidden. */
function setUpHints(exercise: HTMLElement): void {
  const box = exercise.querySelector<HTMLDetailsElement>('details.exercise-hints');
  const button = exercise.querySelector<HTMLButtonElement>('[data-exercise-action="hint"]');
  if (!box || !button) return;
  const items = Array.from(box.querySelectorAll<HTMLLIElement>('li'));
  if (items.length === 0) return;
  box.open = true;
  box.classList.add('is-stepped');
  for (const item of items) item.hidden = true;
  button.hidden = false;
  label(button, 0, items.length);
}

function label(button: HTMLButtonElement, shown: number, total: number): void {
  button.textContent =
    shown === 0
      ? `Show a hint (${total})`
      : shown < total
        ? `Show the next hint (${shown + 1} of ${total})`
        : 'No more hints';
  button.disabled = shown >= total;
}

function showNextHint(exercise: HTMLElement): void {
  const box = exercise.querySelector<HTMLElement>('details.exercise-hints');
  const button = exercise.querySelector<HTMLButtonElement>('[data-exercise-action="hint"]');
  if (!box || !button) return;
  const items = Array.from(box.querySelectorAll<HTMLLIElement>('li'));
  const next = items.find((item) => item.hidden);
  if (!next) return;
  next.hidden = false;
  label(button, items.filter((item) => !item.hidden).length, items.length);
}

function init(): void {
  const exercises = document.querySelectorAll<HTMLElement>(EXERCISE_SELECTOR);
  if (exercises.length === 0) return;
  for (const exercise of exercises) {
    const actions = exercise.querySelector<HTMLElement>('.exercise-actions');
    if (actions) actions.hidden = false;
    // "Edit the code, then press Check" only where there is a Check button.
    const instruction = exercise.querySelector<HTMLElement>('.exercise-instruction');
    if (instruction) instruction.hidden = false;
    const use = exercise.querySelector<HTMLElement>('[data-exercise-action="use-solution"]');
    if (use) use.hidden = false;
    setUpHints(exercise);
  }

  document.addEventListener('click', (event) => {
    const button =
      event.target instanceof Element
        ? event.target.closest<HTMLButtonElement>('[data-exercise-action]')
        : null;
    const exercise = exerciseOf(button);
    if (!button || !exercise) return;
    const action = button.dataset.exerciseAction;
    if (action === 'hint') {
      showNextHint(exercise);
      return;
    }
    void load().then((c) => {
      if (action === 'check') void c.check(exercise);
      else if (action === 'edit') void c.edit(exercise, { focus: true });
      else if (action === 'reset') void c.reset(exercise);
      else if (action === 'use-solution') void c.useSolution(exercise);
    });
  });

  // The reader's code saved on an earlier visit: back into the editors now.
  if (hasSavedEdits(currentChapter(), 'exercise')) void load().then((c) => c.restore());

  // Focusing the highlighted starter (click or Tab) turns it into the editor.
  document.addEventListener('focusin', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.matches('.exercise-code pre')) return;
    const exercise = exerciseOf(target);
    if (!exercise) return;
    void load().then((c) =>
      c.edit(exercise, { focus: true, focusIf: () => document.activeElement === target }),
    );
  });
}

init();
