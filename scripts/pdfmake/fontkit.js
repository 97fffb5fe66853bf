/**
 * The `fontkit` pdfkit gets: the real one, except that a font file is parsed once per process
 * instead of once per document. pdfkit opens every font of every document with `create(bytes)`;
 * the bytes are the same object each time (pdfmake's virtual file system keeps them), so the
 * parsed font is kept with them. Subsetting stays per document (pdfkit's EmbeddedFont), and
 * a parsed font's caches only hold what its file says, so the bytes written do not change.
 */
import * as fontkit from 'fontkit';

export * from 'fontkit';

const parsed = new WeakMap();

export function create(bytes, postscriptName) {
  let byName = parsed.get(bytes);
  if (!byName) parsed.set(bytes, (byName = new Map()));
  const key = postscriptName ?? '';
  if (!byName.has(key)) byName.set(key, fontkit.create(bytes, postscriptName));
  return byName.get(key);
}

export default { ...fontkit, create };
