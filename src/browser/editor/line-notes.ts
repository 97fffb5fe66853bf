/**
 * The problems written out under their lines, as the Typst app and many editors do: a small
 * note below the line with what is wrong and what to write instead, so a content editor need
 * not hover over a squiggle to read it. Notes move with the text as it is edited, until the next
 * check replaces them.
 */
import { StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import type { LiveDiagnostic } from '../live/types.js';
import { problemText } from './problem-words.js';

export const setLineNotes = StateEffect.define<readonly LiveDiagnostic[]>();

export function lineNotes(): Extension {
  return StateField.define<DecorationSet>({
    create: () => Decoration.none,
    update(notes, tr) {
      for (const effect of tr.effects) if (effect.is(setLineNotes)) return decorations(tr.state, effect.value);
      return notes.map(tr.changes);
    },
    provide: (field) => EditorView.decorations.from(field),
  });
}

// --- internal ---

function decorations(state: EditorState, problems: readonly LiveDiagnostic[]): DecorationSet {
  const byLine = new Map<number, LiveDiagnostic[]>();
  for (const p of problems) {
    const line = Math.min(Math.max(p.line, 1), state.doc.lines);
    byLine.set(line, [...(byLine.get(line) ?? []), p]);
  }
  const widgets = [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, list]) => {
      // Drawn at the start of the next line, before it: a block right after the line's own end is
      // read back by CodeMirror's DOM observer as part of it (typing over a selection joined the lines).
      const widget = new NoteWidget(line, list);
      return line < state.doc.lines
        ? Decoration.widget({ widget, block: true, side: -1 }).range(state.doc.line(line + 1).from)
        : Decoration.widget({ widget, block: true, side: 1 }).range(state.doc.line(line).to);
    });
  return Decoration.set(widgets);
}

class NoteWidget extends WidgetType {
  constructor(
    private readonly line: number,
    private readonly problems: readonly LiveDiagnostic[],
  ) {
    super();
  }

  override eq(other: NoteWidget): boolean {
    return other.line === this.line && JSON.stringify(other.problems) === JSON.stringify(this.problems);
  }

  toDOM(): HTMLElement {
    const box = document.createElement('div');
    box.className = 'cm-line-note';
    box.dataset['line'] = String(this.line);
    for (const problem of this.problems) {
      const item = document.createElement('div');
      item.className = `cm-line-note-${problem.severity}`;
      item.append(...problemText(problem));
      box.append(item);
    }
    return box;
  }

  override ignoreEvent(): boolean {
    return false;
  }
}
