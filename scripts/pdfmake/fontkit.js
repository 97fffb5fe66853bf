/**
 * The `fontkit` pdfkit gets: the real one, except that a font file is parsed once per process
 * instead of once per document, and a word is shaped once per process instead of once per
 * document. pdfkit opens every font of every document with `create(bytes)`; the bytes are the
 * same object each time (pdfmake's virtual file system keeps them), so the parsed font is kept
 * with them. Subsetting stays per document (pdfkit's EmbeddedFont).
 *
 * Each document gets a view of the parsed font with glyph objects of its own: a glyph keeps the
 * characters it was first made for, and pdfkit writes those as its text (ToUnicode). Shared, a
 * glyph first made without characters (subsetting `å` adds its component `a`) stayed so, and a
 * later document's `a` in that face was drawn but read back as nothing. The tables (the file's
 * parsed data) stay shared; the glyphs are per view.
 *
 * Shaping (cmap, GSUB, GPOS: most of the cost of measuring text) depends on the font and the
 * text only, so its result is kept per font: which glyphs, made for which characters, at which
 * positions. A view gets a run built from that with its own glyph objects and its own positions
 * (pdfkit scales them in place). The shaping runs in a scratch view whose glyphs are cleared
 * first, so what is kept does not depend on which document asked first: one thread or many,
 * CLI or browser, the same bytes. Two kinds of text are shaped in the view itself, as before:
 * text with a character the font lacks (glyph 0), and text with a default-ignorable character
 * (soft hyphen, zero-width joiner). fontkit hides the latter by the characters the glyph was
 * first made for, which in a view depends on what the document set before; kept, such a run
 * would differ from the unshared one, and a missing character could end up hidden instead of
 * reported (src/core/pdf/structure.ts names characters drawn as glyph 0).
 *
 * Written for fontkit 2.0.4: it reaches into fontkit's glyph and layout objects, so another
 * version is refused at compile time (scripts/pdfmake/pinned.ts; patches/README.md, "Upgrading").
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
  return view(shared);
}

export default { ...fontkit, create };

// --- internal ---

/**
 * Shaped runs by text (`null`: shaped in the view), and the scratch view that shapes them, per
 * parsed font. At most SHAPED_PER_FONT texts are kept per font, then the lot is dropped: a `watch`
 * process or the kit's worker lives for hours, and every distinct word would stay otherwise
 * (about 2 KB each, so at most 20 MB a face). A topic uses a few thousand; what is kept never
 * changes a run, so dropping it costs time only.
 */
const shaped = new WeakMap();
export const SHAPED_PER_FONT = 10_000;

/** How many texts are kept shaped for the font `font` is a view of (for tests). */
export function shapedTexts(font) {
  return shaped.get(Object.getPrototypeOf(font))?.byText.size ?? 0;
}

function view(shared) {
  const font = Object.create(shared);
  font._glyphs = {};
  font.layout = function layout(string, features, script, language, direction) {
    // pdfkit asks for plain runs (no features, script or direction); anything else is shaped here.
    if (typeof string !== 'string' || features != null || script != null || language != null || direction != null)
      return shared.layout.call(this, string, features, script, language, direction);
    const known = kept(shared, string);
    return known ? runFor(this, known) : shared.layout.call(this, string);
  };
  return font;
}

function kept(shared, string) {
  let fontRuns = shaped.get(shared);
  if (!fontRuns) shaped.set(shared, (fontRuns = { scratch: Object.create(shared), byText: new Map() }));
  let known = fontRuns.byText.get(string);
  if (known === undefined) {
    if (fontRuns.byText.size >= SHAPED_PER_FONT) fontRuns.byText.clear();
    const scratch = fontRuns.scratch;
    scratch._glyphs = {};
    const run = scratch.layout(string);
    const engine = scratch._layoutEngine;
    const keepable =
      run.glyphs.every((glyph) => glyph.id !== 0) && ![...string].some((char) => engine.isDefaultIgnorable(char.codePointAt(0)));
    known = keepable
      ? {
          // The run's other fields (script, direction, features), without the scratch view's glyphs.
          run: Object.assign(Object.create(Object.getPrototypeOf(run)), run, { glyphs: null, positions: null }),
          ids: run.glyphs.map((glyph) => glyph.id),
          codePoints: run.glyphs.map((glyph) => glyph.codePoints.slice()),
          positionType: run.positions.length > 0 ? Object.getPrototypeOf(run.positions[0]) : Object.prototype,
          positions: run.positions.map((position) => Object.assign({}, position)),
        }
      : null;
    fontRuns.byText.set(string, known);
  }
  return known;
}

/** A glyph run as fontkit's `layout` returns it, with the view's glyphs and positions of its own. */
function runFor(font, known) {
  const run = Object.assign(Object.create(Object.getPrototypeOf(known.run)), known.run);
  run.glyphs = known.ids.map((id, i) => font.getGlyph(id, known.codePoints[i].slice()));
  run.positions = known.positions.map((position) => Object.assign(Object.create(known.positionType), position));
  return run;
}
