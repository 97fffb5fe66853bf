import type { LiveDiagnostic } from '../live/types.js';
import { problemText } from './problem-words.js';

/**
 * The list under the editor: every problem of the text as typed, in the order of the file, each
 * with its line (a button that puts the cursor there), the message, the hint, and for a warning
 * that `--strict` would refuse it. Says so when there is none.
 */
export interface ProblemList {
  element: HTMLElement;
  show(problems: readonly LiveDiagnostic[], checking: boolean): void;
}

export function createProblemList(goTo: (line: number, col: number) => void): ProblemList {
  const element = document.createElement('section');
  element.className = 'problem-list';
  element.setAttribute('aria-label', 'Problemer i teksten');
  const heading = document.createElement('h2');
  const list = document.createElement('ol');
  list.className = 'diagnostics';
  element.append(heading, list);
  return {
    element,
    show(problems, checking) {
      const errors = problems.filter((p) => p.severity === 'error').length;
      const warnings = problems.length - errors;
      heading.textContent =
        problems.length === 0
          ? checking
            ? 'Tjekker teksten …'
            : 'Ingen problemer i teksten'
          : `Problemer i teksten: ${errors} fejl, ${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}`;
      element.classList.toggle('failing', errors > 0);
      list.replaceChildren(
        ...problems.map((p) => {
          const item = document.createElement('li');
          item.className = p.severity;
          const where = document.createElement('button');
          where.type = 'button';
          where.className = 'where';
          where.textContent = `${p.line}:${p.col}`;
          where.title = `Gå til linje ${p.line}`;
          where.addEventListener('click', () => goTo(p.line, p.col));
          item.append(where, ' ', ...problemText(p));
          return item;
        }),
      );
    },
  };
}
