/**
 * The `fontkit` pdfkit gets: the real one, except that a font file is parsed once per process
 * instead of once per document. pdfkit opens every font of every document with `create(bytes)`;
 * the bytes are the same object each time (pdfmake's virtual file system keeps them), so the
 * parsed font is kept with them. Subsetting stays per document (pdfkit's EmbeddedFont).
 *
 * Each document gets a view of the parsed font with glyph objects of its own: a glyph keeps the
 * characters it was first made for, and pdfkit writes those as its text (ToUnicode). Shared, a
 * glyph first made without characters (subsetting `å` adds its component `a`) stayed so, and a
 * later document's `a` in that face was drawn but read back as nothing. The tables (the file's
 * parsed data) stay shared; the glyphs, and the layout engine that makes them, are per view.
 */
import * as fontkit from 'fontkit';

export * from 'fontkit';

const parsed = new WeakMap();

export function create(bytes, postscriptName) {
  let byName = parsed.get(bytes);
  if (!byName) parsed.set(bytes, (byName = new Map()));
  const key = postscriptName ?? '';
  if (!byName.has(key)) byName.set(key, fontkit.create(bytes, postscriptName));
  const shared = byName.get(key);
  if (!shared) return shared;
  const font = Object.create(shared);
  font._glyphs = {};
  return font;
}

export default { ...fontkit, create };
