import { PdfPane } from './pdf-pane.js';
import type { Draft, LiveProduct, LiveTopic, Place } from './types.js';

/**
 * The product panes of one topic: a column per product side by side (the PDFs drawn by pdf.js,
 * the phone and screen editions in frames), and tabs above that show one product alone or all.
 * `update` redraws only the products whose version changed; the others are not touched.
 */
export interface ProductPanes {
  element: HTMLElement;
  /** Shows `topic`'s products; a PDF the editor made from its text (`draft`) in place of the saved one. */
  update(topic: LiveTopic, draft?: Draft): Promise<void>;
  /** Marks the blocks of a source line on the PDFs (the editor's cursor). */
  mark(line: number): void;
}

/** A PDF column's drawing width in CSS pixels. */
const PDF_WIDTH = 560;

export function createProductPanes(onPlace: (topic: LiveTopic, place: Place | undefined, event: MouseEvent) => void): ProductPanes {
  const element = document.createElement('section');
  element.className = 'products';
  const tabs = document.createElement('div');
  tabs.className = 'tabs';
  tabs.setAttribute('role', 'toolbar');
  tabs.setAttribute('aria-label', 'Vis produkt');
  const columns = document.createElement('div');
  columns.className = 'columns';
  element.append(tabs, columns);

  const panes = new Map<
    string,
    { column: HTMLElement; show(product: LiveProduct, draft?: Draft): Promise<void>; mark?(line: number): void }
  >();
  let current: LiveTopic | undefined;
  let only = '';

  const choose = (file: string) => {
    only = file;
    for (const [name, pane] of panes) pane.column.hidden = only !== '' && name !== only;
    for (const button of tabs.querySelectorAll<HTMLButtonElement>('button'))
      button.setAttribute('aria-pressed', String(button.dataset['file'] === only));
  };
  const tab = (file: string, label: string) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset['file'] = file;
    button.textContent = label;
    button.addEventListener('click', () => choose(file));
    return button;
  };

  return {
    element,
    mark(line) {
      for (const pane of panes.values()) pane.mark?.(line);
    },
    async update(topic, draft) {
      current = topic;
      const wanted = topic.products.map((p) => p.file);
      // Tabs and columns follow the products the topic has (flipover.pdf goes when its prompts go).
      if (tabs.dataset['files'] !== wanted.join(',')) {
        tabs.replaceChildren(tab('', 'Alle'), ...topic.products.map((p) => tab(p.file, p.label)));
        tabs.dataset['files'] = wanted.join(',');
        for (const [name, pane] of panes)
          if (!wanted.includes(name)) {
            pane.column.remove();
            panes.delete(name);
          }
      }
      const drawing: Promise<void>[] = [];
      for (const [index, product] of topic.products.entries()) {
        let pane = panes.get(product.file);
        if (!pane) {
          pane =
            product.kind === 'pdf'
              ? pdfColumn(product, (place, event) => onPlace(current!, place, event))
              : product.kind === 'html'
                ? frameColumn(product)
                : fileColumn(product);
          panes.set(product.file, pane);
        }
        // In the products' order; a column already in place is not moved (moving one loses its scroll position).
        const here = columns.children[index];
        if (here !== pane.column) columns.insertBefore(pane.column, here ?? null);
        drawing.push(pane.show(product, draft));
      }
      choose(wanted.includes(only) ? only : '');
      await Promise.all(drawing);
    },
  };
}

// --- internal ---

function column(product: LiveProduct): { column: HTMLElement; body: HTMLElement } {
  const column = document.createElement('article');
  column.className = `column column-${product.kind}`;
  column.dataset['file'] = product.file;
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = `/${product.path}`;
  link.target = '_blank';
  link.textContent = product.label;
  heading.append(link);
  const body = document.createElement('div');
  body.className = 'column-body';
  column.append(heading, body);
  return { column, body };
}

function pdfColumn(product: LiveProduct, onPlace: (place: Place | undefined, event: MouseEvent) => void) {
  const { column: element, body } = column(product);
  const pane = new PdfPane(product.label, onPlace);
  body.append(pane.element);
  const badge = document.createElement('span');
  badge.className = 'draft-badge';
  badge.textContent = 'ikke gemt';
  badge.hidden = true;
  element.querySelector('h2')!.append(' ', badge);
  let url = '';
  let urlVersion = '';
  return {
    column: element,
    mark: (line: number) => pane.mark(line),
    show(p: LiveProduct, draft?: Draft) {
      const made = draft?.files.find((f) => f.file === p.file);
      // Made from the editor's text: drawn from memory, marked until saved; else the file on disk.
      badge.hidden = !made || draft!.saved;
      element.classList.toggle('draft', Boolean(made) && !draft!.saved);
      if (!made) return pane.show(`/${p.path}?v=${p.version.slice(0, 16)}`, p.version, PDF_WIDTH);
      const version = `draft-${made.id}`;
      const old = url;
      if (urlVersion !== version) {
        url = URL.createObjectURL(new Blob([made.bytes as BlobPart], { type: 'application/pdf' }));
        urlVersion = version;
      }
      // The old address is let go once the new one is drawn (a drawing under way may still read it).
      return pane.show(url, version, PDF_WIDTH, made.places).finally(() => old !== url && old && URL.revokeObjectURL(old));
    },
  };
}

/** A file a browser cannot show (a Word document): a link to download it, with its version. */
function fileColumn(product: LiveProduct) {
  const { column: element, body } = column(product);
  const link = document.createElement('a');
  link.textContent = `Hent ${product.file}`;
  body.append(link);
  return {
    column: element,
    show(p: LiveProduct): Promise<void> {
      link.href = `/${p.path}?v=${p.version.slice(0, 16)}`;
      element.dataset['version'] = p.version;
      return Promise.resolve();
    },
  };
}

/** The phone or screen edition in a frame; a new version reloads it and scrolls back to where it was. */
function frameColumn(product: LiveProduct) {
  const { column: element, body } = column(product);
  const frame = document.createElement('iframe');
  frame.title = product.label;
  frame.className = product.file === 'skaerm.html' ? 'frame-screen' : 'frame-phone';
  body.append(frame);
  let version = '';
  return {
    column: element,
    show(p: LiveProduct): Promise<void> {
      if (p.version === version) return Promise.resolve();
      version = p.version;
      const scroll = (() => {
        try {
          return frame.contentWindow?.scrollY ?? 0;
        } catch {
          return 0;
        }
      })();
      return new Promise((resolve) => {
        frame.addEventListener(
          'load',
          () => {
            frame.contentWindow?.scrollTo(0, scroll);
            element.dataset['version'] = p.version;
            resolve();
          },
          { once: true },
        );
        frame.src = `/${p.path}?v=${p.version.slice(0, 16)}`;
      });
    },
  };
}
