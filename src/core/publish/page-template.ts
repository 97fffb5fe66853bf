import Handlebars from 'handlebars';
import { diagnostic } from '../messages/index.js';
import type { Diagnostic } from '../model.js';

/** The download page's layout could not be used: the diagnostic names its line. */
export class PageTemplateError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(d: Diagnostic) {
    super(d.message);
    this.name = 'PageTemplateError';
    this.diagnostic = d;
  }
}

/** Syntax errors in `index.hbs`, found before anything is built, so `check` reports them too. */
export function pageTemplateProblems(template: { path: string; text: string }): Diagnostic[] {
  try {
    Handlebars.parse(template.text);
    return [];
  } catch (error) {
    return [pageTemplateDiagnostic(template.path, error)];
  }
}

/**
 * Handlebars' own error as a diagnostic: a parse error says "on line N", a strict-mode lookup of
 * a field the page does not have ends in " - N:C".
 */
export function pageTemplateDiagnostic(path: string, error: unknown): Diagnostic {
  const text = String((error as Error | undefined)?.message ?? error);
  const parsed = /on line (\d+)/.exec(text);
  const looked = /- (\d+):(\d+)\s*$/.exec(text);
  const line = Number(parsed?.[1] ?? looked?.[1] ?? 1);
  const col = looked ? Number(looked[2]) + 1 : 1;
  const first = text.split('\n')[0]!.replace(/\s*- \d+:\d+\s*$/, '');
  return diagnostic('DK0525', { detail: first }, path, line, col);
}
