/**
 * pdf.js for the download page's previews, bundled as one classic script. pdf.js reads each PDF
 * in a module worker of its own, `dialogkit-preview-worker.js`, one for all previews: on the main
 * thread, reading them held up a "Hent" pressed as the page opened by 0.1-0.15 s. A "Hent" stops
 * the worker (`pause`), even while it is still starting. Where no module worker starts, pdf.js
 * imports the same file on the page instead (its "fake worker").
 */
import { getDocument, GlobalWorkerOptions, PDFWorker } from 'pdfjs-dist';

/** The worker's address next to this script, with a version of its bytes (set by scripts/bundle-kit.ts). */
declare const PREVIEW_WORKER: string;

const here = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : location.href;
GlobalWorkerOptions.workerSrc = new URL(PREVIEW_WORKER, here).href;

/** The worker all previews share: started here, not by pdf.js, so that `pause` can always end it. */
let worker: { pdf: PDFWorker; thread?: Worker } | undefined;
/** False once a module worker failed to start: pdf.js then reads on the page. */
let moduleWorkers = true;
/** The preview being drawn: stopping it ends its document and makes it reject with `reason`. */
let current: { stop(reason: Error): void } | undefined;
const WORKER_FAILED = new Error('the previews’ worker did not start');

async function renderPreview(canvas: HTMLCanvasElement, url: string, width: number): Promise<void> {
  try {
    await draw(canvas, url, width);
  } catch (error) {
    if (error !== WORKER_FAILED) throw error;
    await draw(canvas, url, width); // on the page, now
  }
}

/** Stops the preview under way and the worker (a "Hent" wants both cores); the next preview starts a new one. */
function pause(): void {
  current?.stop(new Error('preview stopped'));
  stopWorker();
}

(globalThis as unknown as { dialogkitPreview: unknown }).dialogkitPreview = { renderPreview, pause };

// --- internal ---

function draw(canvas: HTMLCanvasElement, url: string, width: number): Promise<void> {
  worker ??= startWorker();
  const loading = getDocument({ url, worker: worker.pdf, isEvalSupported: false, disableFontFace: false });
  // pdf.js leaves a document's promises pending when its worker stops: settled here instead.
  const stopped = new Promise<never>((_, reject) => {
    current = {
      stop(reason) {
        void loading.destroy();
        reject(reason);
      },
    };
  });
  const drawn = (async () => {
    const doc = await loading.promise;
    const page = await doc.getPage(1);
    const unscaled = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: width / Math.max(unscaled.width, unscaled.height) });
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    await page.render({ canvas, viewport }).promise;
  })();
  return Promise.race([drawn, stopped]).finally(() => {
    current = undefined;
    void loading.destroy();
  });
}

function startWorker(): { pdf: PDFWorker; thread?: Worker } {
  let thread: Worker;
  try {
    if (!moduleWorkers) throw new Error('no module workers');
    thread = new Worker(GlobalWorkerOptions.workerSrc, { type: 'module' });
  } catch {
    moduleWorkers = false; // refused at once (a security policy): pdf.js's own way, and its fallback
    return { pdf: new PDFWorker() };
  }
  // pdf.js's types say `port: null` (its JSDoc); a worker is what it takes.
  const started = { pdf: new PDFWorker({ port: thread as unknown as null }), thread };
  // A worker that cannot load its script (a browser without module workers) answers nothing.
  thread.addEventListener('error', () => {
    moduleWorkers = false;
    if (worker !== started) return;
    current?.stop(WORKER_FAILED);
    stopWorker();
  });
  return started;
}

function stopWorker(): void {
  worker?.thread?.terminate();
  worker?.pdf.destroy();
  worker = undefined;
}
