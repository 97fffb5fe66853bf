/**
 * The source pane: CodeMirror 6 with what a content editor needs and nothing to learn: line
 * numbers, colours for the front matter (YAML) and the Markdown, search (Ctrl+F), undo
 * (Ctrl+Z), Ctrl+S to save, long lines wrapped. The problems of the last check are marked in
 * the text and the gutter (CodeMirror's lint) and written out under their lines (line-notes.ts).
 * The file's own line break is the editor's (text-bytes.ts), so unchanged lines stay byte for byte.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, type Text } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import type { LiveDiagnostic } from '../live/types.js';
import { lineNotes, setLineNotes } from './line-notes.js';
import { SEARCH_PHRASES } from './phrases.js';

export interface SourceEditor {
  view: EditorView;
  text(): string;
  /** Replaces the whole text (another version chosen after a conflict); undo can bring the old one back. */
  replace(text: string): void;
  /** Shows these problems in the text, the gutter and under their lines. */
  showProblems(problems: readonly LiveDiagnostic[]): void;
  /** Puts the cursor at the start of `line` and scrolls it into view. */
  goToLine(line: number): void;
}

export interface SourceEditorSetup {
  parent: HTMLElement;
  text: string;
  lineBreak: '\n' | '\r\n';
  onChange(): void;
  onSave(): void;
  /** The cursor moved to another line (1-based). */
  onLine(line: number): void;
}

export function createSourceEditor(setup: SourceEditorSetup): SourceEditor {
  let lastLine = 0;
  const view = new EditorView({
    parent: setup.parent,
    state: EditorState.create({
      doc: setup.text,
      extensions: [
        EditorState.lineSeparator.of(setup.lineBreak),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        history(),
        search({ top: true }),
        highlightSelectionMatches(),
        yamlFrontmatter({ content: markdown() }),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        lintGutter(),
        lineNotes(),
        EditorView.lineWrapping,
        EditorState.phrases.of(SEARCH_PHRASES),
        keymap.of([
          {
            key: 'Mod-s',
            preventDefault: true,
            run: () => {
              setup.onSave();
              return true;
            },
          },
          ...defaultKeymap,
          ...historyKeymap,
          ...searchKeymap,
        ]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) setup.onChange();
          const line = update.state.doc.lineAt(update.state.selection.main.head).number;
          if (line !== lastLine && (update.selectionSet || update.docChanged)) {
            lastLine = line;
            setup.onLine(line);
          }
        }),
        EditorView.contentAttributes.of({ 'aria-label': 'Emnefilens tekst', spellcheck: 'false' }),
      ],
    }),
  });
  return {
    view,
    // Joined with the file's own line break (`doc.toString()` would join with "\n").
    text: () => view.state.sliceDoc(),
    replace(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    showProblems(problems) {
      const doc = view.state.doc;
      const marks: LintDiagnostic[] = problems.map((p) => {
        const { from, to } = range(doc, p.line, p.col);
        return {
          from,
          to,
          severity: p.severity,
          message: p.hint ? `${p.message}\n${p.hint}` : p.message,
        };
      });
      view.dispatch(setDiagnostics(view.state, marks), { effects: setLineNotes.of(problems) });
    },
    goToLine(line) {
      const target = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
      view.dispatch({ selection: { anchor: target.from }, effects: EditorView.scrollIntoView(target.from, { y: 'center' }) });
      view.focus();
    },
  };
}

/** The text a problem at `line:col` is about: from the column to the end of its word, at least one character. */
export function range(doc: Text, line: number, col: number): { from: number; to: number } {
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  const from = Math.min(at.from + Math.max(col - 1, 0), at.to);
  const rest = at.text.slice(from - at.from);
  const word = /^\S+/.exec(rest)?.[0].length ?? 0;
  return { from, to: Math.min(from + Math.max(word, 1), at.to) };
}
