/**
 * pdf.js for the download page's previews, bundled as one classic script. pdf.js reads each PDF
 * in a module worker of its own, `dialogkit-preview-worker.js`, one for all previews: on the main
 * thread, reading them held up a "Hent" pressed as the page opened by 0.1-0.2 s; and a worker can
 * be stopped when a "Hent" is pressed (`pause`). Where the worker cannot start, pdf.js imports the
 * same file on the page instead.
 */
import { getDocument, GlobalWorkerOptions, PDFWorker } from 'pdfjs-dist';

/** The worker's address next to this script, with a version of its bytes (set by scripts/bundle-kit.ts). */
declare const PREVIEW_WORKER: string;

const here = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : location.href;
GlobalWorkerOptions.workerSrc = new URL(PREVIEW_WORKER, here).href;

let worker: PDFWorker | undefined;
/** The preview being drawn: stopping it ends its document and makes `renderPreview` reject. */
let current: { stop(): void } | undefined;

function renderPreview(canvas: HTMLCanvasElement, url: string, width: number): Promise<void> {
  worker ??= new PDFWorker();
  const loading = getDocument({ url, worker, isEvalSupported: false, disableFontFace: false });
  // pdf.js leaves a document's promises pending when its worker is stopped: settled here instead.
  const stopped = new Promise<never>((_, reject) => {
    current = {
      stop() {
        void loading.destroy();
        reject(new Error('preview stopped'));
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

/** Stops the preview under way and its worker (a "Hent" wants both cores); the next preview starts a new one. */
function pause(): void {
  current?.stop();
  worker?.destroy();
  worker = undefined;
}

(globalThis as unknown as { dialogkitPreview: unknown }).dialogkitPreview = { renderPreview, pause };
