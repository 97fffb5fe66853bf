import { getDocument, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a test needs from one page of a PDF, read back with pdf.js. */
export interface PageInfo {
  /** Width and height in points. */
  width: number;
  height: number;
  /** Text items in content order, with position (x, y from the bottom-left) and font size. */
  items: { str: string; x: number; y: number; width: number; height: number; fontSize: number; fontName: string }[];
  /** The page's text, items joined with spaces/newlines as pdf.js reports them. */
  text: string;
  links: { url: string; rect: number[] }[];
}

export interface PdfInfo {
  pages: PageInfo[];
  /** All text, pages joined by form feeds. */
  text: string;
  info: Record<string, unknown>;
  fonts: string[];
  doc: PDFDocumentProxy;
}

/** Opens PDF bytes with pdf.js and reads every page's size, text, links and the document info. */
export async function readPdf(bytes: Uint8Array): Promise<PdfInfo> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PageInfo[] = [];
  const fonts = new Set<string>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items
      .filter((i): i is Extract<typeof i, { str: string }> => 'str' in i)
      .map((i) => ({
        str: i.str,
        x: i.transform[4] as number,
        y: i.transform[5] as number,
        width: i.width,
        height: i.height,
        fontSize: Math.hypot(i.transform[0] as number, i.transform[1] as number),
        fontName: content.styles[i.fontName]?.fontFamily ?? i.fontName,
      }));
    for (const i of content.items) if ('fontName' in i) fonts.add(i.fontName);
    const annotations = (await page.getAnnotations()) as { subtype: string; url?: string; rect: number[] }[];
    pages.push({
      width: x1 - x0,
      height: y1 - y0,
      items,
      text: content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''),
      links: annotations.filter((a) => a.subtype === 'Link' && a.url).map((a) => ({ url: a.url!, rect: a.rect })),
    });
  }
  const meta = await doc.getMetadata();
  return { pages, text: pages.map((p) => p.text).join('\f'), info: meta.info as Record<string, unknown>, fonts: [...fonts], doc };
}

/**
 * Opens PDF bytes with pdf.js and reads only the page count and the document info: what a test
 * of many files needs to know they open, without the cost of reading every page's text.
 */
export async function readPdfInfo(bytes: Uint8Array): Promise<{ pages: number; info: Record<string, unknown> }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    return { pages: doc.numPages, info: (await doc.getMetadata()).info as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}

/** The base-14 font names a PDF must not rely on (they are not embedded). */
export const BASE14 = /^(Helvetica|Times|Courier|Symbol|ZapfDingbats)/;

/** Raw font names as stored in the file (e.g. `BZZZZZ+AtkinsonHyperlegible-Bold`), found by scanning the bytes. */
export function embeddedFontNames(bytes: Uint8Array): string[] {
  const text = new TextDecoder('latin1').decode(bytes);
  return [...new Set([...text.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((m) => m[1]!))];
}

/** Squashes whitespace so text assertions survive line breaks. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface LineSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

type Matrix = [number, number, number, number, number, number];

/** One path drawn on a page: how it was painted, its data, and the transformation in force. */
interface DrawnPath {
  paint: number;
  /** pdf.js 5 path data: 0 = moveTo x y, 1 = lineTo x y, 2 = curveTo (6 numbers), 3 = quadratic (4), 4 = close. */
  data: number[];
  ctm: Matrix;
}

/** Every path drawn on a page, with the current transformation matrix tracked through saves, transforms and placed pages. */
async function drawnPaths(doc: PDFDocumentProxy, pageNumber: number): Promise<DrawnPath[]> {
  const page = await doc.getPage(pageNumber);
  const { fnArray, argsArray } = await page.getOperatorList();
  const identity: Matrix = [1, 0, 0, 1, 0, 0];
  let ctm = identity;
  const stack: Matrix[] = [];
  const multiply = (a: Matrix, b: Matrix): Matrix => [
    b[0] * a[0] + b[1] * a[2],
    b[0] * a[1] + b[1] * a[3],
    b[2] * a[0] + b[3] * a[2],
    b[2] * a[1] + b[3] * a[3],
    b[4] * a[0] + b[5] * a[2] + a[4],
    b[4] * a[1] + b[5] * a[3] + a[5],
  ];
  const paths: DrawnPath[] = [];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? identity;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      // A placed page (pdf-lib's drawPage) or form: its matrix applies until its end.
      stack.push(ctm);
      if (Array.isArray(args[0]) || (args[0] && typeof args[0] === 'object'))
        ctm = multiply(ctm, Array.from(Object.values(args[0] as Record<string, number>)) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? identity;
    else if (fn === OPS.constructPath) {
      // pdf.js 5: [paint op, [path data], bounds].
      const path = (args[1] as unknown[] | undefined)?.[0] as Record<string, number> | null | undefined;
      paths.push({ paint: args[0] as number, data: path ? Array.from(Object.values(path)) : [], ctm });
    }
  });
  return paths;
}

function apply(m: Matrix, x: number, y: number): readonly [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * Every stroked straight line segment drawn on a page (crop marks, alignment marks, rules), in PDF user
 * space (points, origin bottom-left), with the current transformation matrix applied.
 */
export async function lineSegments(doc: PDFDocumentProxy, pageNumber: number): Promise<LineSegment[]> {
  const segments: LineSegment[] = [];
  for (const { paint, data, ctm } of await drawnPaths(doc, pageNumber)) {
    if (paint !== OPS.stroke && paint !== OPS.closeStroke) continue;
    const found: LineSegment[] = [];
    let at: readonly [number, number] | undefined;
    for (let k = 0; k < data.length;) {
      const op = data[k]!;
      if (op === 0 || op === 1) {
        const point = apply(ctm, data[k + 1]!, data[k + 2]!);
        if (op === 1 && at) found.push({ x1: at[0], y1: at[1], x2: point[0], y2: point[1] });
        at = point;
        k += 3;
      } else if (op === 4) k += 1;
      else {
        // Curves: not a straight mark; skip the whole path.
        found.length = 0;
        break;
      }
    }
    segments.push(...found);
  }
  return segments;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The bounding box of every filled path drawn on a page (QR code modules, coloured bars), in PDF
 * user space (points, origin bottom-left), with the current transformation matrix applied.
 */
export async function filledBoxes(doc: PDFDocumentProxy, pageNumber: number): Promise<Box[]> {
  const fills: number[] = [OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke];
  const boxes: Box[] = [];
  for (const { paint, data, ctm } of await drawnPaths(doc, pageNumber)) {
    if (!fills.includes(paint)) continue;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let k = 0; k < data.length;) {
      const count = ({ 0: 2, 1: 2, 2: 6, 3: 4 } as Record<number, number>)[data[k]!] ?? 0;
      for (let c = 0; c < count; c += 2) {
        const [x, y] = apply(ctm, data[k + 1 + c]!, data[k + 2 + c]!);
        xs.push(x);
        ys.push(y);
      }
      k += 1 + count;
    }
    if (xs.length > 0)
      boxes.push({ x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) });
  }
  return boxes;
}

/** One element of a PDF's structure tree with the text of its own marked content. */
export interface StructElement {
  role: string;
  alt?: string;
  /** The text of the element's own marked content (not its children's), in content order. */
  text: string;
  children: StructElement[];
  /** Marked-content references directly under the element (text or graphics). */
  contents: number;
  /** Annotation references (links) directly under the element. */
  annotations: number;
}

/** What a screen reader sees of one page: its part of the structure tree, and text outside it. */
export interface PageStructure {
  tree: StructElement | null;
  /** Text drawn as an artifact (running footers, page numbers): skipped by screen readers. */
  artifactText: string;
  /** Text in no marked content at all, or in marked content no element refers to. */
  untaggedText: string;
}

/**
 * Reads each page's structure tree (pdf.js `getStructTree`) and resolves its marked-content
 * references to the text drawn inside them (`getTextContent({ includeMarkedContent })`).
 */
export async function readStructure(doc: PDFDocumentProxy): Promise<PageStructure[]> {
  const pages: PageStructure[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, string>();
    let artifactText = '';
    let loose = '';
    const open: { id?: string; artifact: boolean }[] = [];
    for (const item of content.items as { type?: string; id?: string; tag?: string; str?: string; hasEOL?: boolean }[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')
        open.push({ ...(item.id && { id: item.id }), artifact: item.tag === 'Artifact' });
      else if (item.type === 'endMarkedContent') open.pop();
      else if (typeof item.str === 'string') {
        const text = item.str + (item.hasEOL ? '\n' : '');
        const inner = open.at(-1);
        if (open.some((m) => m.artifact)) artifactText += text;
        else if (inner?.id) byId.set(inner.id, (byId.get(inner.id) ?? '') + text);
        else loose += text;
      }
    }
    const used = new Set<string>();
    type Raw = { role: string; alt?: string; children?: (Raw | { type: string; id: string })[] };
    const convert = (node: Raw): StructElement => {
      const element: StructElement = {
        role: node.role,
        ...(node.alt && { alt: node.alt }),
        text: '',
        children: [],
        contents: 0,
        annotations: 0,
      };
      for (const child of node.children ?? []) {
        if ('role' in child) element.children.push(convert(child));
        else if (child.type === 'content') {
          used.add(child.id);
          element.contents++;
          element.text += byId.get(child.id) ?? '';
        } else if (child.type === 'annotation' || child.type === 'object') element.annotations++;
      }
      return element;
    };
    const raw = (await page.getStructTree()) as Raw | null;
    // pdf.js lists an element's childless siblings too; keep only what this page draws.
    const prune = (element: StructElement): StructElement | null => {
      const children = element.children.map(prune).filter((c): c is StructElement => c !== null);
      return children.length > 0 || element.contents > 0 || element.annotations > 0 || element.role === 'Root'
        ? { ...element, children }
        : null;
    };
    const tree = raw ? prune(convert(raw)) : null;
    const unreferenced = [...byId]
      .filter(([id]) => !used.has(id))
      .map(([, text]) => text)
      .join('');
    pages.push({ tree, artifactText, untaggedText: loose + unreferenced });
  }
  return pages;
}

/** The tree in reading order as `Role: text` lines, leaves only: what a screen reader would say. */
export function readingOrder(element: StructElement, depth = 0, out: string[] = []): string[] {
  if (element.text.trim() !== '' || element.alt)
    out.push(`${'  '.repeat(depth)}${element.role}: ${element.alt ? `[${element.alt}] ` : ''}${flat(element.text)}`);
  else if (element.role !== 'Root') out.push(`${'  '.repeat(depth)}${element.role}`);
  for (const child of element.children) readingOrder(child, depth + 1, out);
  return out;
}

/**
 * Painting operations (text, paths, images) outside any marked content on a page. In a tagged
 * PDF every one must be either structure content or an artifact (PDF/UA-1 §7.1, Matterhorn 01-001).
 */
export async function unmarkedPaint(doc: PDFDocumentProxy, pageNumber: number): Promise<string[]> {
  const page = await doc.getPage(pageNumber);
  const { fnArray, argsArray } = await page.getOperatorList();
  const name = new Map(Object.entries(OPS).map(([k, v]) => [v, k]));
  const painting = new Set([
    OPS.showText,
    OPS.showSpacedText,
    OPS.nextLineShowText,
    OPS.nextLineSetSpacingShowText,
    OPS.fill,
    OPS.eoFill,
    OPS.stroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.shadingFill,
  ]);
  let depth = 0;
  const found: string[] = [];
  fnArray.forEach((fn, i) => {
    if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) depth++;
    else if (fn === OPS.endMarkedContent) depth--;
    else if (depth === 0) {
      const paintOp = fn === OPS.constructPath ? ((argsArray[i] as unknown[])[0] as number) : fn;
      // A path ended with `n` (endPath) only clips: it paints nothing.
      if (painting.has(paintOp)) found.push(name.get(paintOp) ?? String(paintOp));
    }
  });
  return found;
}
