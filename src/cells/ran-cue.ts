/**
 * "It ran": a short status beside the output of a cell (or the result of an exercise's
 * Check) after every run, and a brief highlight of that output. Without it, a second Run
 * whose output is the same as the first leaves the page exactly as it was, and the reader
 * cannot tell whether anything happened.
 *
 * The status counts the runs ("Ran · 12 ms", then "Ran ×2 · 9 ms"), so it changes on every
 * run: seen, and announced by screen readers (it is a polite live region). The highlight is
 * a CSS animation (src/styles/cells.css), restarted on every run and left out when the
 * reader prefers reduced motion.
 */

/** Show that a run finished: `verb` ("Ran", "Checked", "Stopped") and how long it took. */
export function showRan(cue: HTMLElement | null, target: HTMLElement | null, verb: string, ms: number): void {
  if (cue) {
    const runs = Number(cue.dataset.runs ?? 0) + 1;
    cue.dataset.runs = String(runs);
    cue.textContent = `${verb}${runs > 1 ? ` ×${runs}` : ''} · ${formatMs(ms)}`;
    cue.title = `${verb} ${runs === 1 ? 'once' : `${runs} times`}; the last run took ${formatMs(ms)}`;
    cue.hidden = false;
  }
  if (target) {
    target.classList.remove('just-ran');
    // Reading layout restarts the animation when the class comes back.
    void target.offsetWidth;
    target.classList.add('just-ran');
  }
}

/** The output shown is no longer from a run (Reset put the lesson's back): no status. */
export function clearRan(cue: HTMLElement | null): void {
  if (!cue) return;
  cue.hidden = true;
  cue.textContent = '';
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.max(1, Math.round(ms))} ms`;
}
