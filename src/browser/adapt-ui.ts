/**
 * The page's side of "Tilpas indholdet": the live sum of the minutes, the adaptation handed to
 * the kit and put in the zip as `tilpasning.yml`, a file loaded back into the fields, and the
 * topic's previews drawn again from a kit made with the changes (debounced), before any download.
 */
import type { TopicOutline } from '../core/publish/adapt-outline.js';
import type { BuildOptions } from '../core/settings/options.js';
import { readAdaptForm } from './adapt-form.js';
import type { KitRunner } from './kit-runner.js';

export const ADAPTATION_FILE = 'tilpasning.yml';

/** The outline the page embeds next to a topic's form, or null (the several-topics form has none). */
export function outlineFor(form: HTMLFormElement): TopicOutline | null {
  const script = form.querySelector('script.topic-outline');
  return script ? (JSON.parse(script.textContent) as TopicOutline) : null;
}

/** The options with the adaptation, and the file to add to the zip, when the content changed. */
export function withAdaptation(
  form: HTMLFormElement,
  options: BuildOptions,
): { options: BuildOptions; file: { name: string; bytes: Uint8Array } | null } {
  const outline = outlineFor(form);
  if (!outline) return { options, file: null };
  const adapted = readAdaptForm(new FormData(form), outline, options);
  if (!adapted.changed) return { options, file: null };
  return {
    options: { ...options, adapt: [{ path: ADAPTATION_FILE, text: adapted.yaml }] },
    file: { name: ADAPTATION_FILE, bytes: new TextEncoder().encode(adapted.yaml) },
  };
}

interface Hooks {
  labels: { adapt: { sum: string } };
  /** The form's options as read now (checked fields only). */
  options(): BuildOptions;
  kit(): Promise<KitRunner>;
  /** Runs work the previews must wait for (the page's kit-first gate). */
  during<T>(work: Promise<T>): Promise<T>;
  /** Draws a preview canvas from a PDF's bytes; absent where the page draws no previews. */
  redraw?: (canvas: HTMLCanvasElement, bytes: Uint8Array) => Promise<void>;
  source: { path: string; text: string };
}

export function setupAdapt(form: HTMLFormElement, hooks: Hooks): void {
  const outline = outlineFor(form);
  if (!outline) return;
  const sum = form.querySelector<HTMLElement>('.adapt-sum');
  const showSum = () => {
    const options = hooks.options();
    const { minutes } = readAdaptForm(new FormData(form), outline, options);
    if (sum)
      sum.textContent = hooks.labels.adapt.sum
        .replace('{minutes}', String(minutes))
        .replace('{duration}', String(options.duration ?? minutes));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let round = 0;
  let drawing = Promise.resolve();
  const refresh = () => {
    clearTimeout(timer);
    // One redraw at a time; a failed one (a kit error the "Hent" will report) leaves the last preview.
    timer = setTimeout(() => {
      const mine = ++round;
      drawing = drawing.then(() => redrawPreviews(mine)).catch(() => undefined);
    }, 900);
  };
  const redrawPreviews = async (mine: number) => {
    const redraw = hooks.redraw;
    const { options } = withAdaptation(form, hooks.options());
    if (!redraw) return;
    const result = await hooks.during(hooks.kit().then((api) => api.make(hooks.source, { ...options, word: false })));
    if (mine !== round) return; // a later change is on its way
    for (const file of result.files) {
      const canvas = document.querySelector<HTMLCanvasElement>(`canvas[data-pdf="${CSS.escape(file.path)}"]`);
      if (canvas && file.path.endsWith('.pdf')) await redraw(canvas, file.bytes);
    }
  };
  form.addEventListener('input', (event) => {
    showSum();
    if ((event.target as Element).closest('fieldset.adapt')) refresh();
  });
  showSum();
  const loader = form.querySelector<HTMLInputElement>('input[name=adaptFile]');
  loader?.addEventListener('change', () => {
    const file = loader.files?.[0];
    if (!file) return;
    void file.text().then(async (text) => {
      const read = await (await hooks.kit()).readAdaptation(text);
      const status = form.querySelector<HTMLElement>('.status');
      if (!read.adaptation) {
        if (status) status.textContent = read.diagnostics.map((d) => `${ADAPTATION_FILE}:${d.line}:${d.col}: ${d.message}`).join(' ');
        return;
      }
      fill(form, read.adaptation);
      showSum();
      refresh();
    });
  });
}

/** The fields set from a loaded adaptation. */
function fill(form: HTMLFormElement, adaptation: NonNullable<Awaited<ReturnType<KitRunner['readAdaptation']>>['adaptation']>): void {
  const field = (name: string) => form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
  const set = (name: string, value: string | number | undefined) => {
    const input = field(name);
    if (input && value !== undefined) input.value = String(value);
  };
  const media = field('media') as HTMLInputElement | null;
  if (media) media.checked = adaptation.media === 'before';
  for (const [key, value] of Object.entries(adaptation.options)) set(key, value);
  for (const step of adaptation.steps) {
    const n = step.number;
    set(`step-${n}-minutes`, step.minutes);
    const skip = field(`step-${n}-skip`) as HTMLInputElement | null;
    if (skip) skip.checked = step.skip === true;
    set(`step-${n}-note`, step.note);
    step.questions?.forEach((q, i) => set(`step-${n}-q-${i}`, q.text));
    set(`step-${n}-q-new`, step.addQuestions?.[0]?.text);
    step.prompts?.forEach((p, i) => set(`step-${n}-p-${i}`, p.text));
  }
}
