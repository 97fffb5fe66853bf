/**
 * What the page says when the kit refuses or fails: always in the page's own words (Danish, or
 * English for an English topic), never the CLI's English message, which goes to the console for
 * whoever looks into it.
 */
import type { OptionProblem } from '../core/settings/options.js';
import type { FormLabels } from './form.js';

export interface FieldMessage {
  field: string;
  message: string;
}

/** The kit's refusals of options, one message per field in the page's words; the detail to the console. */
export function refusedMessages(
  refused: readonly OptionProblem[],
  labels: FormLabels & { errors: { logoUnusable: string } },
): FieldMessage[] {
  for (const problem of refused) console.warn(`Dialogkit: ${problem.message}`);
  const fields = [...new Set(refused.map((p) => p.field))];
  return fields.map((field) => ({
    // The page looked at the logo's header before; a logo refused now is damaged or too complex to draw.
    field,
    message: field === 'logo' ? labels.errors.logoUnusable : ((labels.errors as Record<string, string>)[field] ?? labels.failed),
  }));
}

/** A topic the kit could not make: its title in the page's sentence, its errors to the console. */
export function topicFailedMessage(title: string, errors: readonly { message: string }[], label: string): string {
  for (const error of errors) console.warn(`Dialogkit: ${title}: ${error.message}`);
  return label.replace('{title}', title);
}

/** The kit failed outright (it stopped, or could not load): the page's sentence, the error to the console. */
export function failedMessage(error: unknown, label: string): string {
  console.error('Dialogkit: the kit failed:', error);
  return label;
}
