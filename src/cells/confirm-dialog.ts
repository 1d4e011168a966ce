/**
 * The one "are you sure?" of the page, for the cells' and the exercises' Reset: a modal
 * <dialog> (focus stays in it, Escape cancels), with Cancel focused first so that a
 * stray Enter loses nothing. Resolves true only when the reader confirms.
 */
let dialog: HTMLDialogElement | null = null;

export function confirmDialog(title: string, text: string, confirmLabel: string): Promise<boolean> {
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.className = 'cell-dialog';
    dialog.setAttribute('aria-labelledby', 'cell-dialog-title');
    dialog.setAttribute('aria-describedby', 'cell-dialog-text');
    dialog.innerHTML = `<h2 id="cell-dialog-title"></h2><p id="cell-dialog-text"></p>
<form method="dialog"><button class="cell-button" value="cancel" autofocus>Cancel</button>
<button class="cell-button cell-run" value="ok" data-confirm></button></form>`;
    document.body.append(dialog);
  }
  const d = dialog;
  d.querySelector('h2')!.textContent = title;
  d.querySelector('p')!.textContent = text;
  d.querySelector('[data-confirm]')!.textContent = confirmLabel;
  d.returnValue = '';
  d.showModal();
  return new Promise((resolve) =>
    d.addEventListener('close', () => resolve(d.returnValue === 'ok'), { once: true }),
  );
}
