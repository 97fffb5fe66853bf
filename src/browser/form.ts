/** Reading and checking the "Tilpas og hent" form: pure, so it is tested without a browser. */
import { MAX_LOGO_BYTES } from '../core/settings/logo-sniff.js';
import { validateTypedOptions, type BuildOptions } from '../core/settings/options.js';

/** The fields the form has, each with its message (in the page's language) when it is wrong. */
type FormField = 'date' | 'start' | 'duration' | 'participants' | 'organisation' | 'note' | 'logo';

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
 * Form fields → build options, checked by the CLI's own checks (`validateTypedOptions`; the kit decodes the logo), with one message per
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
    ...(text('duration') && { duration: /^\d+$/.test(text('duration')) ? Number(text('duration')) : Number.NaN }),
    ...paperOptions(paper),
    ...(text('note') && { note: text('note') }),
    // Where the CLI published the page (`--base-url`), so tailored kits point at the same phone editions.
    ...(text('baseUrl') && { baseUrl: text('baseUrl') }),
    // The Word copies only when asked: their code is fetched then, and the first "Hent" stays quick
    // (the kit reads an absent `word` as no).
    ...(data.get('word') === 'on' && { word: true }),
  };
  const problems = validateTypedOptions(given);
  const wrong = new Set<string>(problems.map((p) => p.field));
  const options = Object.fromEntries(Object.entries(given).filter(([field]) => !wrong.has(field))) as BuildOptions;
  const errors = problems
    .filter((p): p is typeof p & { field: FormField } => p.field in labels.errors)
    .map((p) => ({ field: p.field, message: labels.errors[p.field] }));
  // The logo's bytes are read after this check (reading a file is asynchronous); the kit checks its type.
  const logo = data.get('logo') as { size?: number } | null;
  if (logo && typeof logo === 'object' && (logo.size ?? 0) > MAX_LOGO_BYTES) errors.push({ field: 'logo', message: labels.errors.logo });
  return { options, errors };
}

/** The paper field: `A1`, or `A1-tiled` for A1 sheets printed in A4 pieces (as `--flipover-size A1 --tile A4`); empty keeps the topic's. */
function paperOptions(paper: string): Pick<BuildOptions, 'flipoverSize' | 'tile'> {
  const [size, tiled] = paper.split('-');
  if (size !== 'A4' && size !== 'A3' && size !== 'A2' && size !== 'A1') return {};
  return { flipoverSize: size, ...(tiled === 'tiled' && size !== 'A4' && { tile: 'A4' as const }) };
}
