/**
 * Turns a block's highlighted code into the CodeMirror editor, once: loads the editor
 * chunk (./editor.ts) on first use, hides the static code, hides the Edit button and
 * marks the block `is-editing`. Shared by the cells (./client.ts) and the exercises
 * (./exercise/client.ts), which differ only in what the editor does.
 */
import type { EditorView } from '@codemirror/view';
import type { CellEditorOptions } from './editor.ts';

let editorModule: Promise<typeof import('./editor.ts')> | null = null;

/** A cell or an exercise: its element, and its editor once open. */
export interface EditorHost {
  el: HTMLElement;
  editor: EditorView | null;
}

export interface OpenEditorOptions {
  /** The element holding the highlighted code (its first child); the editor goes in it too. */
  code: HTMLElement | null;
  /** The block's Edit button, hidden once the editor is open. */
  editButton: HTMLButtonElement | null;
  focus: boolean;
  /** Checked after the editor loaded: focus only if the reader has not moved on. */
  focusIf?: () => boolean;
  /** The editor's settings, read after it loaded (so the latest source is used). */
  settings: () => Omit<CellEditorOptions, 'parent'>;
}

/** Open the host's editor (or focus it if open). Returns true when this call opened it. */
export async function openEditor(host: EditorHost, options: OpenEditorOptions): Promise<boolean> {
  if (host.editor) {
    if (options.focus) host.editor.focus();
    return false;
  }
  editorModule ??= import('./editor.ts');
  const { createCellEditor } = await editorModule;
  if (host.editor || !options.code) return false;
  const shouldFocus = options.focus && (options.focusIf ? options.focusIf() : true);
  const staticCode = options.code.firstElementChild as HTMLElement | null;
  const parent = document.createElement('div');
  parent.className = 'cell-editor';
  options.code.append(parent);
  host.editor = createCellEditor({ parent, ...options.settings() });
  if (staticCode) staticCode.hidden = true;
  host.el.classList.add('is-editing');
  if (options.editButton) options.editButton.hidden = true;
  if (shouldFocus) host.editor.focus();
  return true;
}
