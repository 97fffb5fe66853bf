import { isArtifact, LAYOUT, PAGINATION, type ArtifactTag, type StructureTag, type Tag } from './tags.js';

/**
 * Tagged PDF for pdfmake: the hooks our pdfmake patch calls around everything its renderer
 * draws. Each line run, vector or image is wrapped in marked content, either as part of the
 * structure element its node's tags name (pdfkit `markStructureContent`) or as an artifact
 * (`markContent('Artifact')`), and the elements are built with pdfkit's structure API as they
 * first appear, which in pdfmake is reading order.
 *
 * Decisions:
 * - Vectors are decoration (rules, tick boxes, table fills, crop marks) unless they sit inside
 *   a `Figure`, as a QR code's modules do.
 * - A list marker is the `Lbl` of its item; the patch places it before the item's first line.
 * - Text with no tag at all is counted, not guessed at: the caller then knows the tree does not
 *   cover every word and must not claim a tagged file. (Blank text, such as the empty line that
 *   carries a page break, is layout.)
 */
export interface StructureHooks {
  beginItem(doc: PdfKit, item: PageItem): void;
  endItem(doc: PdfKit, item: PageItem): void;
  beginInline(doc: PdfKit, line: LaidOutLine, inline: Inline): void;
  beginDecoration(doc: PdfKit, line: LaidOutLine): void;
}

export interface StructureReport {
  /** Runs of text drawn with no tag: must be 0 for a tagged file. */
  untaggedText: string[];
  /** Figures drawn without alternative text. */
  figuresWithoutAlt: number;
  /**
   * Characters the font has no glyph for, drawn as `.notdef` (an empty box): PDF/UA-1 §7.21.8
   * and PDF/A-2 §6.2.11.8 forbid that, so such a file must not claim either.
   */
  missingGlyphs: string[];
}

export interface Tagger {
  hooks: StructureHooks;
  report(): StructureReport;
}

export function createTagger(): Tagger {
  const elements = new Map<StructureTag, PdfStructElement>();
  const labels = new Map<StructureTag, PdfStructElement>();
  const untaggedText: string[] = [];
  const missingGlyphs = new Set<string>();
  let figuresWithoutAlt = 0;
  let root: PdfStructElement | undefined;
  let open: PdfStructElement | ArtifactTag | undefined;

  function documentElement(doc: PdfKit): PdfStructElement {
    if (!root) {
      root = doc.struct('Document');
      doc.addStructure(root);
    }
    return root;
  }

  /** The element for a chain of tags, made on first sight; an artifact tag wins. */
  function resolve(doc: PdfKit, chain: readonly Tag[]): PdfStructElement | ArtifactTag | undefined {
    let parent: PdfStructElement | undefined;
    for (const tag of expand(chain)) {
      if (isArtifact(tag)) return tag;
      let el = elements.get(tag);
      if (!el) {
        if (tag.role === 'Figure' && !tag.alt) figuresWithoutAlt++;
        el = doc.struct(tag.role, {
          ...(tag.alt && { alt: tag.alt }),
          ...(tag.actual && { actual: tag.actual }),
          ...(tag.scope && { scope: tag.scope }),
        });
        // pdfkit knows only Scope of the table attributes (ISO 32000-1 §14.8.5.7); ColSpan joins it.
        if (tag.colSpan) el.dictionary.data.A = { ...el.dictionary.data.A, O: 'Table', ColSpan: tag.colSpan };
        (parent ?? documentElement(doc)).add(el);
        elements.set(tag, el);
      }
      parent = el;
    }
    return parent;
  }

  /** A list marker belongs to the `Lbl` of the innermost list item around it. */
  function resolveLabel(doc: PdfKit, chain: readonly Tag[]): PdfStructElement | ArtifactTag | undefined {
    const at = lastIndex(chain, (t) => !isArtifact(t) && t.role === 'LI');
    if (at < 0) return resolve(doc, chain);
    const item = chain[at] as StructureTag;
    const itemElement = resolve(doc, chain.slice(0, at + 1)) as PdfStructElement;
    let label = labels.get(item);
    if (!label) {
      label = doc.struct('Lbl');
      itemElement.add(label);
      labels.set(item, label);
    }
    return label;
  }

  function openMark(doc: PdfKit, target: PdfStructElement | ArtifactTag): void {
    if (open === target) return;
    close(doc);
    if (isPdfElement(target)) {
      target.add(doc.markStructureContent(target.dictionary.data.S));
      // pdfkit attaches a link annotation drawn now to this element (its `_fragment`).
      if (target.dictionary.data.S === 'Link') doc._currentStructureElement = target;
    } else {
      doc.markContent('Artifact', { type: target.artifact });
    }
    open = target;
  }

  function close(doc: PdfKit): void {
    if (!open) return;
    doc.endMarkedContent();
    doc._currentStructureElement = undefined;
    open = undefined;
  }

  const hooks: StructureHooks = {
    beginItem(doc, item) {
      const drawn = item.item;
      switch (item.type) {
        case 'vector':
        case 'image':
        case 'svg': {
          const chain = drawn?._tags ?? [];
          const target = drawn?._listMarker ? resolveLabel(doc, chain) : graphicTarget(doc, chain);
          openMark(doc, target ?? LAYOUT);
          break;
        }
        case 'watermark':
          openMark(doc, PAGINATION);
          break;
        // Lines mark their runs in beginInline; clips and alignment only change graphics state.
      }
    },
    endItem(doc) {
      close(doc);
    },
    beginInline(doc, line, inline) {
      for (const char of notdefs(inline)) missingGlyphs.add(char);
      const chain = inline.tag ? [...(line._tags ?? []), inline.tag] : (line._tags ?? []);
      const target = line._listMarker ? resolveLabel(doc, chain) : resolve(doc, chain);
      if (target) openMark(doc, target);
      else if (inline.text.trim() === '') openMark(doc, LAYOUT);
      else {
        close(doc);
        untaggedText.push(inline.text);
      }
    },
    beginDecoration(doc, line) {
      if (line.inlines.some((i) => i.background || i.decoration)) openMark(doc, LAYOUT);
    },
  };

  /** Graphics are content only inside a `Figure` (or an artifact's); elsewhere decoration. */
  function graphicTarget(doc: PdfKit, chain: readonly Tag[]): PdfStructElement | ArtifactTag | undefined {
    const figure = lastIndex(chain, (t) => isArtifact(t) || t.role === 'Figure');
    if (figure < 0) return LAYOUT;
    return resolve(doc, chain.slice(0, figure + 1));
  }

  return { hooks, report: () => ({ untaggedText, figuresWithoutAlt, missingGlyphs: [...missingGlyphs] }) };
}

/**
 * The characters of an inline that its font draws as glyph 0 (`.notdef`, an empty box), whatever
 * their kind: a line separator (U+2028), a byte-order mark in mid-text or a stray joiner is as
 * much a box as a missing letter (fontkit draws them all). The font's own layout (cached by
 * pdfkit) says whether there is any; glyph 0 does not say which character it stands for, so the
 * font's character map does. A sequence the font draws as one glyph (an emoji with joiners) has
 * no glyph 0, so its joiners are never named.
 */
function notdefs(inline: Inline): string[] {
  const font = inline.font;
  if (!font?.layout || !font.font || inline.text === '') return [];
  if (!font.layout(inline.text, inline.fontFeatures ?? undefined).glyphs.some((g) => g.id === 0)) return [];
  return [...inline.text].filter((c) => !font.font!.hasGlyphForCodePoint(c.codePointAt(0)!));
}

// --- internal ---

/** The chain with each tag's explicit parents put in front of it (table rows). */
function expand(chain: readonly Tag[]): Tag[] {
  const out: Tag[] = [];
  for (const tag of chain) {
    const parents: Tag[] = [];
    for (let p = isArtifact(tag) ? undefined : tag.parent; p && !out.includes(p); p = p.parent) parents.unshift(p);
    out.push(...parents, tag);
  }
  return out;
}

function lastIndex<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}

function isPdfElement(target: PdfStructElement | ArtifactTag): target is PdfStructElement {
  return 'dictionary' in target;
}

// What the hooks use of pdfmake's page items and pdfkit's document (neither ships types).

export interface Inline {
  text: string;
  /** pdfkit's embedded font; its layout is cached, so asking again costs a lookup. */
  font?: {
    layout?(text: string, features?: unknown): { glyphs: { id: number }[] };
    font?: { hasGlyphForCodePoint(codePoint: number): boolean };
  };
  fontFeatures?: unknown;
  tag?: Tag;
  link?: string;
  /** Offset from the line's left edge and advance width, in points (set by pdfmake's layout). */
  x?: number;
  width?: number;
  background?: unknown;
  decoration?: unknown;
}

export interface LaidOutLine {
  inlines: Inline[];
  /** Where pdfmake placed the line on its page, in points from the top left corner. */
  x?: number;
  y?: number;
  getHeight?(): number;
  _tags?: Tag[];
  _listMarker?: boolean;
}

export interface PageItem {
  type: string;
  item?: { _tags?: Tag[]; _listMarker?: boolean };
}

export interface PdfStructElement {
  add(child: unknown): PdfStructElement;
  dictionary: { data: { S: string; A?: object } };
}

export interface PdfKit {
  struct(role: string, options?: object): PdfStructElement;
  addStructure(element: PdfStructElement): PdfKit;
  markStructureContent(role: string): unknown;
  markContent(tag: string, options?: object): PdfKit;
  endMarkedContent(): PdfKit;
  _currentStructureElement?: PdfStructElement;
}
