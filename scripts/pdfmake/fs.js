/**
 * Stands in for `fs` in the bundled pdfmake (and gray-matter, which requires it and never calls
 * it). pdfkit reads files for three things: the 14 standard fonts' metrics (Dialogkit embeds its
 * own TTFs and never uses them), images by path (never: images are data), and the sRGB colour
 * profile of PDF/A's output intent, which is bundled here.
 */
import srgb from 'pdfkit/js/data/sRGB_IEC61966_2_1.icc';

export function readFileSync(path) {
  if (String(path).endsWith('/data/sRGB_IEC61966_2_1.icc')) return Buffer.from(srgb);
  throw new Error(`pdfkit asked for the file ${path}; Dialogkit's pdfmake reads no files`);
}

export function existsSync() {
  return false;
}

export default { readFileSync, existsSync };
