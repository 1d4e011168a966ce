/**
 * The cell editor: CodeMirror 6 in TypeScript mode, loaded on first Edit. A small setup
 * (no autocompletion) keeps the download down. Tab is left to focus navigation and
 * Escape leaves the editor, so it never traps keyboard users; Ctrl/Cmd+Enter runs the cell.
 *
 * TypeScript is highlighted by CodeMirror's stream mode for JavaScript/TypeScript
 * (@codemirror/legacy-modes) rather than the Lezer grammar of @codemirror/lang-javascript:
 * the grammar and its LR runtime weigh about 30 KB gzip, which the cell runtime's 200 KB
 * budget needs for the loss module. A cell needs keywords, strings, numbers, comments and
 * definitions coloured, bracket matching and indentation, which the stream mode gives.
 */
import { EditorState } from '@codemirror/state';
import {
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import {
  history,
  historyKeymap,
  indentLess,
  indentMore,
  standardKeymap,
  toggleComment,
} from '@codemirror/commands';
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  LanguageSupport,
  StreamLanguage,
  syntaxHighlighting,
} from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { typescript } from '@codemirror/legacy-modes/mode/javascript';

export interface CellEditorOptions {
  parent: HTMLElement;
  doc: string;
  /** Accessible name of the editing area. */
  label: string;
  onRun(): void;
  /** Escape: the editor gives up focus; the host moves it somewhere useful (the Run button). */
  onEscape(): void;
  onChange(doc: string): void;
}

/** Colours close to Shiki's github-light-high-contrast, all above 4.5:1 on white; dark-theme
    values come from the site's CSS variables (src/styles/theme.css). */
const highlight = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.modifier, tags.operatorKeyword, tags.controlKeyword],
    color: 'var(--syn-keyword, #a0111f)',
  },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--syn-string, #032563)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--syn-number, #023b95)' },
  {
    tag: [tags.comment, tags.lineComment, tags.blockComment],
    color: 'var(--syn-comment, #66707b)',
    fontStyle: 'italic',
  },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.propertyName)],
    color: 'var(--syn-function, #622cbc)',
  },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--syn-type, #702c00)' },
  { tag: [tags.definition(tags.variableName), tags.propertyName], color: 'var(--syn-definition, #0e1116)' },
]);

const theme = EditorView.theme({
  '&': { fontSize: 'inherit', backgroundColor: 'transparent', color: 'var(--text)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-content': { fontFamily: 'var(--font-mono)', padding: '0.75rem 0' },
  '.cm-gutters': { backgroundColor: 'transparent', border: 'none', color: 'var(--line-number, #5c6570)' },
  '.cm-activeLine': { backgroundColor: 'var(--cm-active-line, #f1f4f8)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--cm-active-gutter, #e5e9f0)' },
  '&.cm-focused': { outline: 'none' },
});

export function createCellEditor(options: CellEditorOptions): EditorView {
  const runKeys = keymap.of([
    {
      key: 'Mod-Enter',
      run: () => {
        options.onRun();
        return true;
      },
    },
    {
      key: 'Escape',
      run: (view) => {
        view.contentDOM.blur();
        options.onEscape();
        return true;
      },
    },
  ]);
  return new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        runKeys,
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(highlight),
        new LanguageSupport(StreamLanguage.define(typescript)),
        // The standard keys plus history, comment and indent (Mod-[ / Mod-]): smaller than
        // defaultKeymap; Tab stays with focus navigation.
        keymap.of([
          ...standardKeymap,
          ...historyKeymap,
          { key: 'Mod-/', run: toggleComment },
          { key: 'Mod-[', run: indentLess },
          { key: 'Mod-]', run: indentMore },
        ]),
        theme,
        // An explicit tabindex lets checkers (axe: scrollable-region-focusable) see that the
        // scrolling editor has focusable content; contenteditable alone is focusable anyway.
        EditorView.contentAttributes.of({ 'aria-label': options.label, tabindex: '0' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) options.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
}
