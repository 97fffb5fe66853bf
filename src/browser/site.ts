/**
 * The download page's own script, small on purpose: it draws the PDF previews (loading the
 * pdf.js bundle once the page has rendered) and runs the "Tilpas og hent" forms (one per topic,
 * and one for several topics at once). The kit is loaded as soon as a form is opened or focused,
 * in a Web Worker where the browser allows it (see kit-runner.ts). Everything is fetched from
 * the page's own folder.
 */
import { sniffLogo } from '../core/settings/logo-sniff.js';
import { readForm, type FormLabels } from './form.js';
import { setupAdapt, withAdaptation } from './adapt-ui.js';
import { kitFirst } from './kit-first.js';
import { loadScript } from './load-script.js';
import { startKit, type KitRunner } from './kit-runner.js';
import type { KitResult } from './kit.js';
import { failedMessage, refusedMessages, topicFailedMessage } from './kit-messages.js';

interface PreviewApi {
  renderPreview(canvas: HTMLCanvasElement, url: string, width: number): Promise<void>;
  /** Stops the previews' work under way; a preview it stopped fails, and is drawn again later. */
  pause(): void;
}

const script = document.currentScript as HTMLScriptElement | null;
const base = new URL('.', script?.src ?? location.href);
const kitUrl = new URL(script?.dataset['kit'] ?? 'assets/dialogkit-kit.js', location.href).href;
// A page from an index.hbs without `data-preview` finds the previews' script next to this one.
const preview = script?.dataset['preview'];
const previewUrl = (preview ? new URL(preview, location.href) : new URL('dialogkit-preview.js', base)).href;

let kit: Promise<KitRunner> | undefined;
function loadKit(): Promise<KitRunner> {
  if (kit) return kit;
  // A kit that failed to start, or whose worker failed later, is started afresh on the next press.
  const forget = () => {
    if (kit === loading) kit = undefined;
  };
  const loading: Promise<KitRunner> = startKit(kitUrl, loadScript, forget).catch((error: unknown) => {
    forget();
    throw error;
  });
  kit = loading;
  return loading;
}

let previews: PreviewApi | undefined;
/** How often the kit has stopped the previews' work: a preview that fails across one is drawn again. */
let pauses = 0;
const kitBusy = kitFirst(() => {
  pauses++;
  previews?.pause();
});

// --- previews ---

async function drawPreviews(): Promise<void> {
  const canvases = [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-pdf]')];
  if (canvases.length === 0 || location.protocol === 'file:') return; // pdf.js cannot read files from disk
  await loadScript(previewUrl);
  const api = (globalThis as unknown as { dialogkitPreview: PreviewApi }).dialogkitPreview;
  previews = api;
  // One preview at a time, and none while the kit works: pdf.js takes a core, and the facilitator
  // waiting for a kit comes first. A preview stopped for the kit is drawn again once it is done.
  const drawOne = async (canvas: HTMLCanvasElement) => {
    for (;;) {
      await kitBusy.idle();
      const before = pauses;
      try {
        const width = Math.min(480, Math.ceil((canvas.parentElement?.clientWidth ?? 240) * devicePixelRatio));
        await api.renderPreview(canvas, canvas.dataset['pdf']!, width);
        return canvas.setAttribute('data-rendered', 'true');
      } catch {
        if (pauses === before) return canvas.setAttribute('data-rendered', 'failed');
      }
    }
  };
  let queue = Promise.resolve();
  const draw = (canvas: HTMLCanvasElement) => (queue = queue.then(() => drawOne(canvas)));
  if (!('IntersectionObserver' in window)) {
    for (const canvas of canvases) await draw(canvas);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void draw(entry.target as HTMLCanvasElement);
      }
    },
    { rootMargin: '400px' },
  );
  for (const canvas of canvases) observer.observe(canvas);
}

// --- tailored kits ---

function download(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The kit is warmed once, while the facilitator fills the form. Not after a "Hent" has been
 * pressed: a warm-up posted then would only queue ahead of the real request in the worker
 * (a cold make, about 0.7 s in Chromium on two cores), and the real make warms the kit anyway.
 */
let warmUpDue = true;
function warmOnce(api: KitRunner, topic: TopicToMake): Promise<void> {
  if (!warmUpDue) return Promise.resolve();
  warmUpDue = false;
  return api.warm(topic.source);
}

/** The form's labels as the page embeds them: readForm's, and the page's own messages. */
interface PageLabels extends FormLabels {
  errors: FormLabels['errors'] & { logoUnusable: string };
  /** "{done} of {count}" while several topics are made. */
  workingTopics: string;
  doneSeveral: string;
  /** The zip's name for several topics, before the organisation and `.zip`. */
  zipSeveral: string;
  chooseTopics: string;
  tooShort: string;
  topicFailed: string;
  glyph: string;
  adapt: { sum: string };
}

interface TopicToMake {
  slug: string;
  title: string;
  source: { path: string; text: string };
}

interface Message {
  field: string;
  message: string;
}

/** A topic on the page: its title as shown and the source embedded in its article. */
function topicOnPage(slug: string): TopicToMake {
  const article = document.getElementById(slug)!;
  return {
    slug,
    title: document.getElementById(`${slug}-title`)!.textContent.trim(),
    source: JSON.parse(article.querySelector('script.topic-source')!.textContent) as { path: string; text: string },
  };
}

function setupForm(form: HTMLFormElement): void {
  const details = form.closest('details')!;
  const labels = JSON.parse(details.querySelector('script.form-labels')!.textContent) as PageLabels;
  const status = form.querySelector<HTMLElement>('.status')!;
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  // The field ids' prefix: the topic's slug, or the several-topics form's own.
  const prefix = form.dataset['slug']!;
  const several = form.hasAttribute('data-several');
  const chosen = (): TopicToMake[] =>
    several
      ? [...form.querySelectorAll<HTMLInputElement>('input[name=topic]:checked')].map((box) => topicOnPage(box.value))
      : [topicOnPage(prefix)];
  // Fetch, start and warm the kit while the facilitator fills the form, not when they press "Hent".
  const firstTopic = () => chosen()[0] ?? topicOnPage(form.querySelector<HTMLInputElement>('input[name=topic]')!.value);
  const prefetch = () =>
    void kitBusy.during(
      loadKit().then(
        (api) => warmOnce(api, firstTopic()),
        () => undefined,
      ),
    );
  if (!several)
    setupAdapt(form, {
      labels,
      options: () => readForm(new FormData(form), labels).options,
      kit: loadKit,
      during: (work) => kitBusy.during(work),
      redraw: async (canvas, bytes) => {
        if (!previews) return;
        // pdf.js draws one document at a time on a canvas: after the page's own drawing of it.
        while (!canvas.hasAttribute('data-rendered')) await new Promise((resolve) => setTimeout(resolve, 200));
        const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
        const width = Math.min(480, Math.ceil((canvas.parentElement?.clientWidth ?? 240) * devicePixelRatio));
        try {
          await previews.renderPreview(canvas, url, width);
          canvas.setAttribute('data-adapted', 'true');
        } finally {
          URL.revokeObjectURL(url);
        }
      },
      source: topicOnPage(prefix).source,
    });
  details.addEventListener('toggle', prefetch, { once: true });
  form.addEventListener('focusin', prefetch, { once: true });

  // One run at a time, marked before the first await: a second submit while the logo is read (a
  // double click) would otherwise start a second run and a second download.
  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    void kitBusy.during(makeAndDownload()).finally(() => {
      busy = false;
      button.disabled = false;
    });
  });

  async function makeAndDownload(): Promise<void> {
    // An earlier "Færdig" or warning must not stand next to a new attempt.
    status.textContent = '';
    clearMessages(form);
    const read = readForm(new FormData(form), labels);
    const { errors } = read;
    // "Tilpas indholdet": the adaptation file goes to the kit, as `--adapt` does, and into the zip.
    const adapted = several ? { options: read.options, file: null } : withAdaptation(form, read.options);
    const options = adapted.options;
    const topics = chosen();
    if (topics.length === 0) errors.unshift({ field: 'topic', message: labels.chooseTopics });
    const logo = new FormData(form).get('logo');
    // The logo's type and pixel size are read from its bytes, as the CLI does, so the form can say it in its own words.
    // A file that can no longer be read (moved or deleted since it was chosen) is asked for again the same way.
    const logoBytes =
      logo instanceof File && logo.size > 0
        ? await logo.arrayBuffer().then(
            (buffer) => new Uint8Array(buffer),
            () => 'unreadable' as const,
          )
        : undefined;
    if (logoBytes === 'unreadable' || (logoBytes && errors.length === 0 && 'problem' in sniffLogo(logoBytes)))
      errors.push({ field: 'logo', message: labels.errors.logo });
    if (errors.length > 0) {
      showMessages(form, prefix, errors, 'error');
      return;
    }
    status.textContent = labels.working;
    try {
      if (logoBytes instanceof Uint8Array) options['logo'] = logoBytes;
      warmUpDue = false;
      const api = await loadKit();
      const started = performance.now();
      const results: [TopicToMake, KitResult][] = [];
      for (const [index, topic] of topics.entries()) {
        if (topics.length > 1)
          status.textContent = labels.workingTopics.replace('{done}', String(index + 1)).replace('{count}', String(topics.length));
        results.push([topic, await api.make(topic.source, options)]);
      }
      const refused = results.flatMap(([, r]) => r.refused ?? []);
      if (refused.length > 0) {
        status.textContent = '';
        showMessages(form, prefix, refusedMessages(refused, labels), 'error');
        return;
      }
      showMessages(form, prefix, glyphWarnings(form, results, labels), 'warning');
      // One topic that cannot be made means no zip: never a kit with a topic silently missing.
      const tooShort = results.flatMap(([topic, r]) =>
        r.shortest === undefined ? [] : [labels.tooShort.replace('{title}', topic.title).replace('{shortest}', String(r.shortest))],
      );
      const failed = results.flatMap(([topic, r]) => {
        const problems = r.diagnostics.filter((d) => d.severity === 'error');
        if (r.shortest !== undefined || (problems.length === 0 && r.files.length > 0)) return [];
        return [topicFailedMessage(topic.title, problems, labels.topicFailed)];
      });
      if (tooShort.length > 0) showMessages(form, prefix, [{ field: 'duration', message: tooShort.join(' ') }], 'error');
      if (tooShort.length > 0 || failed.length > 0) {
        status.textContent = failed.join(' ');
        return;
      }
      const files = [
        ...results.flatMap(([, r]) =>
          // One topic: its files at the top of the zip, as before; several: a folder per topic, as the CLI writes them.
          r.files.map((f) => ({ name: several ? f.path : f.path.split('/').pop()!, bytes: f.bytes })),
        ),
        ...(adapted.file ? [adapted.file] : []),
      ];
      // The zip's timestamps: the latest of the topics' pinned dates (ISO strings sort as dates).
      const latest = results.map(([, r]) => r.date ?? '2000-01-01T00:00:00Z').reduce((a, b) => (a > b ? a : b));
      const zip = await api.zip(files, new Date(latest));
      const organisation = options.organisation ? `-${fileNamePart(options.organisation)}` : '';
      const name = several
        ? `${labels.zipSeveral.replace('{count}', String(topics.length))}${organisation}.zip`
        : `${prefix}${organisation}.zip`;
      download(name, zip, 'application/zip');
      form.dataset['milliseconds'] = String(Math.round(performance.now() - started));
      form.dataset['kitMode'] = api.mode;
      status.textContent = (several ? labels.doneSeveral : labels.done)
        .replace('{files}', String(files.length))
        .replace('{count}', String(topics.length))
        .replace('{zip}', name);
    } catch (error) {
      status.textContent = failedMessage(error, labels.failed);
    }
  }
}

/** "Faaborg-Midtfyn Kommune" → "faaborg-midtfyn-kommune". */
function fileNamePart(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The kit's missing-glyph warnings, next to the typed field that holds the character (a
 * character from the topic itself is the author's to fix and shows in the CLI's `check`).
 */
function glyphWarnings(form: HTMLFormElement, results: readonly [TopicToMake, KitResult][], labels: PageLabels): Message[] {
  const missing = new Set(results.flatMap(([, r]) => r.missingGlyphs));
  return ['organisation', 'note'].flatMap((field) => {
    const value = (form.elements.namedItem(field) as HTMLInputElement | null)?.value ?? '';
    const chars = [...missing].filter((char) => value.includes(char));
    return chars.length > 0 ? [{ field, message: labels.glyph.replace('{chars}', chars.map(characterName).join(', ')) }] : [];
  });
}

/** `«ꙮ» (U+A66E)`, or the code point alone for a character that cannot be seen. */
function characterName(char: string): string {
  const codePoint = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /[\p{C}\p{Z}]/u.test(char) ? codePoint : `«${char}» (${codePoint})`;
}

/** The element a message belongs next to: the field, or the fieldset of topic boxes. */
function fieldElement(form: HTMLFormElement, field: string): HTMLElement {
  if (field === 'topic') return form.querySelector<HTMLElement>('fieldset.topics')!;
  return form.elements.namedItem(field) as HTMLElement;
}

function clearMessages(form: HTMLFormElement): void {
  for (const old of form.querySelectorAll('.error, .warning')) old.remove();
  for (const element of form.querySelectorAll('[aria-invalid], [aria-describedby]')) {
    element.removeAttribute('aria-invalid');
    element.removeAttribute('aria-describedby');
  }
}

/** Each message as text next to its field, tied to it for screen readers; errors also mark the field and take focus. */
function showMessages(form: HTMLFormElement, prefix: string, messages: readonly Message[], kind: 'error' | 'warning'): void {
  for (const { field, message } of messages) {
    const element = fieldElement(form, field);
    const note = document.createElement('p');
    note.className = kind;
    note.id = `${prefix}-${field}-${kind}`;
    note.textContent = message; // text, never HTML
    if (kind === 'error') element.setAttribute('aria-invalid', 'true');
    element.setAttribute('aria-describedby', [element.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '));
    if (element instanceof HTMLFieldSetElement) element.append(note);
    else element.after(note);
  }
  const first = messages[0];
  if (kind === 'error' && first) {
    const element = fieldElement(form, first.field);
    (element instanceof HTMLFieldSetElement ? element.querySelector('input')! : element).focus();
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form.kit')) setupForm(form);
if (document.readyState === 'complete') void drawPreviews();
else addEventListener('load', () => void drawPreviews());
