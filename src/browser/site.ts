/**
 * The download page's own script, small on purpose: it draws the PDF previews (loading the
 * pdf.js bundle once the page has rendered) and runs the "Tilpas og hent" forms (loading the
 * kit bundle on the first submit). Everything is fetched from the page's own folder.
 */
import type { BuildOptions } from '../core/options.js';
import { sniffLogo } from '../core/logo.js';
import { readForm, type FormLabels } from './form.js';

interface KitApi {
  makeKit(
    topic: { path: string; text: string },
    options: BuildOptions,
  ): Promise<{ files: { path: string; bytes: Uint8Array }[]; diagnostics: { severity: string; message: string }[]; date: string | null }>;
  zipFiles(files: { name: string; bytes: Uint8Array }[], date: Date): Uint8Array;
}

interface PreviewApi {
  renderPreview(canvas: HTMLCanvasElement, url: string, width: number): Promise<void>;
}

const script = document.currentScript as HTMLScriptElement | null;
const base = new URL('.', script?.src ?? location.href);
const kitUrl = new URL(script?.dataset['kit'] ?? 'assets/dialogkit-kit.js', location.href).href;
const previewUrl = new URL('dialogkit-preview.js', base).href;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const element = document.createElement('script');
    element.src = src;
    element.onload = () => resolve();
    element.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(element);
  });
}

let kit: Promise<KitApi> | undefined;
function loadKit(): Promise<KitApi> {
  kit ??= loadScript(kitUrl).then(() => (globalThis as unknown as { dialogkit: KitApi }).dialogkit);
  return kit;
}

// --- previews ---

async function drawPreviews(): Promise<void> {
  const canvases = [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-pdf]')];
  if (canvases.length === 0 || location.protocol === 'file:') return; // pdf.js cannot read files from disk
  await loadScript(previewUrl);
  const api = (globalThis as unknown as { dialogkitPreview: PreviewApi }).dialogkitPreview;
  const draw = (canvas: HTMLCanvasElement) =>
    api
      .renderPreview(
        canvas,
        canvas.dataset['pdf']!,
        Math.min(480, Math.ceil((canvas.parentElement?.clientWidth ?? 240) * devicePixelRatio)),
      )
      .then(
        () => canvas.setAttribute('data-rendered', 'true'),
        () => canvas.setAttribute('data-rendered', 'failed'),
      );
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

function setupForm(form: HTMLFormElement): void {
  const details = form.closest('details')!;
  const source = JSON.parse(details.querySelector('script.topic-source')!.textContent!) as { path: string; text: string };
  const labels = JSON.parse(details.querySelector('script.form-labels')!.textContent!) as FormLabels;
  const status = form.querySelector<HTMLElement>('.status')!;
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const slug = form.dataset['slug']!;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // An earlier "Færdig" must not stand next to a new attempt's errors.
    status.textContent = '';
    for (const old of form.querySelectorAll('.error')) old.remove();
    for (const field of form.querySelectorAll('[aria-invalid]')) {
      field.removeAttribute('aria-invalid');
      field.removeAttribute('aria-describedby');
    }
    const { options, errors } = readForm(new FormData(form), labels);
    const logo = new FormData(form).get('logo');
    // The logo's type and pixel size are read from its bytes, as the CLI does, so the form can say it in its own words.
    const logoBytes = logo instanceof File && logo.size > 0 ? new Uint8Array(await logo.arrayBuffer()) : undefined;
    if (logoBytes && errors.length === 0 && 'problem' in sniffLogo(logoBytes)) errors.push({ field: 'logo', message: labels.errors.logo });
    if (errors.length > 0) {
      for (const { field, message } of errors) {
        const input = form.elements.namedItem(field) as HTMLElement;
        const error = document.createElement('p');
        error.className = 'error';
        error.id = `${slug}-${field}-error`;
        error.textContent = message; // text, never HTML
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
        input.after(error);
      }
      (form.elements.namedItem(errors[0]!.field) as HTMLElement).focus();
      return;
    }
    button.disabled = true;
    status.textContent = labels.working;
    try {
      if (logoBytes) options['logo'] = logoBytes;
      const api = await loadKit();
      const started = performance.now();
      const result = await api.makeKit(source, options);
      const problems = result.diagnostics.filter((d) => d.severity === 'error');
      if (problems.length > 0 || result.files.length === 0) throw new Error(problems.map((d) => d.message).join('; ') || 'no files');
      const files = result.files.map((f) => ({ name: f.path.split('/').pop()!, bytes: f.bytes }));
      const zip = api.zipFiles(files, new Date(result.date ?? '2000-01-01T00:00:00Z'));
      const name = `${slug}${
        options.organisation
          ? '-' +
            options.organisation
              .toLowerCase()
              .normalize('NFKD')
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-|-$/g, '')
          : ''
      }.zip`;
      download(name, zip, 'application/zip');
      form.dataset['milliseconds'] = String(Math.round(performance.now() - started));
      status.textContent = labels.done.replace('{files}', String(files.length)).replace('{zip}', name);
    } catch (error) {
      status.textContent = labels.failed.replace('{message}', (error as Error).message);
    } finally {
      button.disabled = false;
    }
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form.kit')) setupForm(form);
if (document.readyState === 'complete') void drawPreviews();
else addEventListener('load', () => void drawPreviews());
