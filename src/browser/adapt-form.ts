/**
 * "Tilpas indholdet": the form's step fields → the adaptation file (`tilpasning.yml`), the same
 * file `dialogkit build --adapt` reads, so the kit made here and the CLI's are the same bytes.
 * Only what the facilitator changed is written. Pure, so it is tested without a browser.
 */
import type { BuildOptions } from '../core/settings/options.js';
import type { TopicOutline } from '../core/publish/adapt-outline.js';

export interface AdaptedForm {
  /** The file's text: `topic:` and the kit's settings, and the content's changes when there are any. */
  yaml: string;
  /** Whether the content changed (steps or medium): then the file goes into the zip and to the kit. */
  changed: boolean;
  /** The steps' minutes as the kit will have them before `duration` scales them, for the live sum. */
  minutes: number;
}

export function readAdaptForm(data: { get(name: string): unknown }, outline: TopicOutline, options: BuildOptions): AdaptedForm {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const before = data.get('media') === 'before' && outline.media !== null;
  const lines: string[] = [`topic: ${outline.slug}`];
  if (before) lines.push('media: before');
  for (const key of ['organisation', 'date', 'start', 'duration', 'participants', 'note'] as const) {
    const value = options[key];
    if (value !== undefined) lines.push(`${key}: ${typeof value === 'number' ? value : quote(value)}`);
  }
  const steps: string[] = [];
  let minutes = 0;
  outline.steps.forEach((step, index) => {
    const own: string[] = [];
    const skip = data.get(`step-${step.number}-skip`) === 'on';
    const typed = text(`step-${step.number}-minutes`);
    const retimed = /^\d+$/.test(typed) && Number(typed) >= 1 && Number(typed) <= 480 ? Number(typed) : undefined;
    if (skip) own.push('skip: true');
    else {
      const media = before && index === outline.mediaStep ? (outline.media?.minutes ?? 0) : 0;
      minutes += retimed ?? Math.max(1, step.minutes - media);
    }
    if (retimed !== undefined && !skip) own.push(`minutes: ${retimed}`);
    const note = text(`step-${step.number}-note`);
    if (note && !skip) own.push(`note: ${quote(note)}`);
    // A question's field as typed: emptied, the question is left out; a field not on the form keeps it.
    const asTyped = (name: string, source: string) => (data.get(name) === null ? source : text(name));
    const questions = step.questions.map((q, i) => asTyped(`step-${step.number}-q-${i}`, q));
    if (!skip && questions.some((q, i) => q !== step.questions[i])) own.push(`questions: ${list(questions.filter(Boolean))}`);
    const extra = text(`step-${step.number}-q-new`);
    if (extra && !skip) own.push(`addQuestions: ${list([extra])}`);
    const prompts = step.prompts.map((p, i) => asTyped(`step-${step.number}-p-${i}`, p));
    if (!skip && prompts.some((p, i) => p !== step.prompts[i])) own.push(`prompts: ${list(prompts.filter(Boolean))}`);
    if (own.length > 0) steps.push(`  ${step.number}:`, ...own.map((line) => `    ${line}`));
  });
  if (steps.length > 0) lines.push('steps:', ...steps);
  return { yaml: `${lines.join('\n')}\n`, changed: before || steps.length > 0, minutes };
}

// --- internal ---

/** A YAML double-quoted scalar: JSON's string syntax is YAML's, and keeps every character as typed. */
function quote(text: string): string {
  return JSON.stringify(text);
}

function list(texts: readonly string[]): string {
  return `[${texts.map(quote).join(', ')}]`;
}
