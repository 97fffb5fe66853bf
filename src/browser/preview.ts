/**
 * pdf.js for the download page's previews, bundled as one classic script. The worker runs on
 * the main thread ("fake worker"): pdf.js picks up `globalThis.pdfjsWorker`, so no second file
 * and no module worker are needed.
 */
import { getDocument } from 'pdfjs-dist';
import * as worker from 'pdfjs-dist/build/pdf.worker.mjs';

(globalThis as unknown as { pdfjsWorker: unknown }).pdfjsWorker = worker;

async function renderPreview(canvas: HTMLCanvasElement, url: string, width: number): Promise<void> {
  const doc = await getDocument({ url, isEvalSupported: false, disableFontFace: false }).promise;
  try {
    const page = await doc.getPage(1);
    const unscaled = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: width / Math.max(unscaled.width, unscaled.height) });
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    await page.render({ canvas, viewport }).promise;
  } finally {
    await doc.destroy();
  }
}

(globalThis as unknown as { dialogkitPreview: unknown }).dialogkitPreview = { renderPreview };
