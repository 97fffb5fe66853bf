import { getDocument, GlobalWorkerOptions, TextLayer, type PDFDocumentProxy } from 'pdfjs-dist';
import { placeAt } from './places.js';
import type { Place } from './types.js';

// pdf.js reads PDFs in its own module worker, served by the preview next to this script.
GlobalWorkerOptions.workerSrc = '/_preview/assets/dialogkit-preview-worker.js';

/** A page as drawn: where the click handler finds the source line. */
export interface DrawnPage {
  element: HTMLElement;
  index: number;
  /** CSS pixels per PDF point. */
  scale: number;
}

/**
 * One PDF product, drawn page by page: a canvas for what it looks like and pdf.js's text layer
 * over it, so its text can be selected and found with Ctrl+F. A new version is drawn beside the
 * old one and each page swapped in place when ready, so the scroll position and the page in view
 * stay where they were. Clicking a page asks `onPlace` with the source line under the pointer.
 */
export class PdfPane {
  readonly element: HTMLElement;
  private version = '';
  private drawing: Promise<void> = Promise.resolve();
  private places: readonly Place[] = [];
  private cancelled = false;
  /** The source line marked on the pages (the editor's cursor), kept over redraws. */
  private marked = 0;

  constructor(
    private readonly label: string,
    private readonly onPlace: (place: Place | undefined, event: MouseEvent) => void,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'pdf-pages';
    this.element.addEventListener('click', (event) => this.clicked(event));
  }

  /**
   * Draws `url` if `version` is new; resolves when every page is in place. `places` are the
   * source places when the page has them (the editor's unsaved PDFs); else the server's are read.
   */
  show(url: string, version: string, width: number, places?: readonly Place[]): Promise<void> {
    if (version === this.version) return this.drawing;
    this.version = version;
    this.cancelled = true;
    const previous = this.drawing;
    this.drawing = previous.then(() => {
      this.cancelled = false;
      return this.draw(url, version, width, places);
    });
    return this.drawing;
  }

  /**
   * Marks the blocks drawn from source `line` (or, for a line that drew nothing, the nearest line
   * above that did) and scrolls the first into view; 0 removes the marks.
   */
  mark(line: number): void {
    this.marked = line;
    for (const old of this.element.querySelectorAll('.line-mark')) old.remove();
    const drawn = this.places.filter((p) => p.line <= line).reduce((best, p) => Math.max(best, p.line), 0);
    if (line === 0 || drawn === 0) return;
    let first: HTMLElement | undefined;
    for (const place of this.places.filter((p) => p.line === drawn)) {
      const page = this.element.children[place.page] as HTMLElement | undefined;
      if (!page) continue;
      const scale = Number(page.dataset['scale']);
      const box = document.createElement('div');
      box.className = 'line-mark';
      box.dataset['line'] = String(place.line);
      box.style.cssText = `left:${place.x * scale - 2}px;top:${place.y * scale - 2}px;width:${place.width * scale + 4}px;height:${place.height * scale + 4}px`;
      page.append(box);
      first ??= box;
    }
    if (first) scrollWithin(first);
  }

  private async draw(url: string, version: string, width: number, given?: readonly Place[]): Promise<void> {
    const [doc, places] = await Promise.all([
      getDocument({ url, isEvalSupported: false }).promise,
      given
        ? { places: given }
        : fetch(`/_preview/places/${version}.json`)
            .then((r) => (r.ok ? (r.json() as Promise<{ places: Place[] }>) : { places: [] }))
            .catch(() => ({ places: [] as Place[] })),
    ]);
    try {
      this.places = places.places;
      for (let index = 0; index < doc.numPages; index++) {
        if (this.cancelled) return; // a newer version is on its way
        const drawn = await drawPage(doc, index, width, this.label);
        const old = this.element.children[index];
        if (old) old.replaceWith(drawn);
        else this.element.append(drawn);
      }
      while (this.element.children.length > doc.numPages) this.element.lastElementChild!.remove();
      this.element.dataset['version'] = version;
      if (this.marked > 0) this.mark(this.marked);
    } finally {
      void doc.destroy();
    }
  }

  private clicked(event: MouseEvent): void {
    if ((getSelection()?.toString() ?? '') !== '') return; // selecting text, not asking for its line
    const page = (event.target as Element).closest<HTMLElement>('.pdf-page');
    if (!page) return;
    const box = page.getBoundingClientRect();
    const scale = Number(page.dataset['scale']);
    const index = Number(page.dataset['page']);
    const x = (event.clientX - box.left) / scale;
    const y = (event.clientY - box.top) / scale;
    this.onPlace(placeAt(this.places, index, x, y), event);
  }
}

// --- internal ---

/** Scrolls the product's own column to `mark` (not the page or the row of columns, as scrollIntoView would). */
function scrollWithin(mark: HTMLElement): void {
  const body = mark.closest<HTMLElement>('.column-body');
  if (!body) return;
  const box = mark.getBoundingClientRect();
  const view = body.getBoundingClientRect();
  if (box.top < view.top || box.bottom > view.bottom) body.scrollTop += box.top - view.top - view.height / 3;
}

async function drawPage(doc: PDFDocumentProxy, index: number, width: number, label: string): Promise<HTMLElement> {
  const page = await doc.getPage(index + 1);
  const unscaled = page.getViewport({ scale: 1 });
  const scale = width / unscaled.width;
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  const element = document.createElement('div');
  element.className = 'pdf-page';
  element.dataset['page'] = String(index);
  element.dataset['scale'] = String(scale);
  element.setAttribute('aria-label', `${label}, side ${index + 1}`);
  element.style.width = `${Math.floor(viewport.width)}px`;
  element.style.height = `${Math.floor(viewport.height)}px`;
  element.style.setProperty('--total-scale-factor', String(scale));
  element.style.setProperty('--scale-factor', String(scale));
  element.style.setProperty('--scale-round-x', '1px');
  element.style.setProperty('--scale-round-y', '1px');
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.setAttribute('aria-hidden', 'true');
  const text = document.createElement('div');
  text.className = 'textLayer';
  element.append(canvas, text);
  await page.render({ canvas, viewport, ...(ratio !== 1 && { transform: [ratio, 0, 0, ratio, 0, 0] }) }).promise;
  await new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
  page.cleanup();
  return element;
}
