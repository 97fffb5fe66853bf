import { editorLink } from './source-link.js';
import type { LiveDiagnostic } from './types.js';

/**
 * The diagnostics overlay: while the last build had errors, a banner says the products shown are
 * the last good ones ("Viser sidste gode version"), and every diagnostic is listed over them in
 * the order of the file — `file:line:col`, the message, the hint — with a link that opens the
 * line in the editor. Warnings are listed too, collapsed. The next good build removes it.
 */
export interface Overlay {
  element: HTMLElement;
  update(input: { diagnostics: readonly LiveDiagnostic[]; problems: readonly string[]; stale: boolean }): void;
}

export function createOverlay(): Overlay {
  const element = document.createElement('section');
  element.className = 'overlay';
  element.setAttribute('aria-live', 'polite');
  element.hidden = true;
  return {
    element,
    update({ diagnostics, problems, stale }) {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const warnings = diagnostics.filter((d) => d.severity === 'warning');
      const failing = stale || errors.length > 0 || problems.length > 0;
      element.hidden = !failing && warnings.length === 0;
      element.classList.toggle('failing', failing);
      const parts: HTMLElement[] = [];
      if (failing) {
        const banner = document.createElement('p');
        banner.className = 'banner';
        banner.setAttribute('role', 'alert');
        banner.textContent = 'Viser sidste gode version';
        const why = document.createElement('span');
        why.textContent =
          errors.length > 0
            ? ` — ${errors.length === 1 ? 'én fejl' : `${errors.length} fejl`} i det, du gemte. Ret ${errors.length === 1 ? 'den' : 'dem'}, og gem igen.`
            : ' — den seneste opbygning lykkedes ikke.';
        banner.append(why);
        parts.push(banner);
      }
      for (const problem of problems) {
        const p = document.createElement('p');
        p.className = 'problem';
        p.textContent = problem;
        parts.push(p);
      }
      if (errors.length > 0) parts.push(list(errors));
      if (warnings.length > 0) {
        const details = document.createElement('details');
        const summary = document.createElement('summary');
        summary.textContent = warnings.length === 1 ? '1 advarsel' : `${warnings.length} advarsler`;
        details.append(summary, list(warnings));
        parts.push(details);
      }
      element.replaceChildren(...parts);
    },
  };
}

// --- internal ---

function list(diagnostics: readonly LiveDiagnostic[]): HTMLElement {
  const ol = document.createElement('ol');
  ol.className = 'diagnostics';
  for (const d of diagnostics) {
    const li = document.createElement('li');
    li.className = d.severity;
    const where = document.createElement('a');
    where.className = 'where';
    where.href = editorLink(d.path, d.line, d.col);
    where.textContent = `${d.file}:${d.line}:${d.col}`;
    where.title = 'Åbn linjen i editoren';
    const message = document.createElement('span');
    message.className = 'message';
    message.textContent = `${d.severity === 'error' ? 'fejl' : 'advarsel'}: ${d.message}`;
    li.append(where, ' ', message);
    if (d.hint) {
      const hint = document.createElement('div');
      hint.className = 'hint';
      hint.textContent = d.hint;
      li.append(hint);
    }
    ol.append(li);
  }
  return ol;
}
