/** Reading and checking the "Tilpas og hent" form: pure, so it is tested without a browser. */
import { validateOptions, type BuildOptions } from '../core/options.js';

/** The fields the form has, each with its message (in the page's language) when it is wrong. */
type FormField = 'date' | 'start' | 'participants' | 'organisation' | 'note';

export interface FormLabels {
  working: string;
  done: string;
  failed: string;
  errors: Record<FormField, string>;
}

export interface FormResult {
  /** Build options, as the CLI takes them. */
  options: BuildOptions;
  errors: { field: string; message: string }[];
}

/**
 * Form fields → build options, checked by the CLI's own `validateOptions`, with one message per
 * wrong field in the page's language. A wrong field is left out of the options.
 */
export function readForm(data: { get(name: string): unknown }, labels: FormLabels): FormResult {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const paper = text('paper');
  const given: BuildOptions = {
    ...(text('organisation') && { organisation: text('organisation') }),
    ...(text('date') && { date: text('date') }),
    ...(text('start') && { start: text('start') }),
    // A number as a person types it: "7", never "7.0" or "1e1".
    ...(text('participants') && { participants: /^\d+$/.test(text('participants')) ? Number(text('participants')) : Number.NaN }),
    ...(paper === 'A1-tiled' ? { flipoverSize: 'A1', tile: 'A4' } : paper === 'A3' || paper === 'A4' ? { flipoverSize: paper } : {}),
    ...(text('note') && { note: text('note') }),
    // Where the CLI published the page (`--base-url`), so tailored kits point at the same phone editions.
    ...(text('baseUrl') && { baseUrl: text('baseUrl') }),
  };
  const problems = validateOptions(given);
  const wrong = new Set<string>(problems.map((p) => p.field));
  const options = Object.fromEntries(Object.entries(given).filter(([field]) => !wrong.has(field))) as BuildOptions;
  const errors = problems.filter((p): p is typeof p & { field: FormField } => p.field in labels.errors).map((p) => ({ field: p.field, message: labels.errors[p.field] }));
  return { options, errors };
}
