import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { tempDir } from './temp.js';

/** One run of text as a reader meets it: the structure role that owns it, where it sits, its size. */
export interface TaggedRun {
  role: string;
  str: string;
  /** Baseline, in points from the page's foot. */
  y: number;
  size: number;
}

/**
 * Each page's text in content order with the role of the structure element that owns it
 * (artifacts such as running footers left out): read from the PDF's tagged structure, not from
 * the document definition.
 */
export async function taggedRuns(doc: PDFDocumentProxy): Promise<TaggedRun[][]> {
  const pages: TaggedRun[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    type Raw = { role?: string; type?: string; id?: string; children?: Raw[] };
    const roleOf = new Map<string, string>();
    const visit = (node: Raw, role: string) => {
      for (const child of node.children ?? []) {
        if (child.role) visit(child, child.role);
        else if (child.type === 'content' && child.id) roleOf.set(child.id, role);
      }
    };
    const tree = (await page.getStructTree()) as Raw | null;
    if (tree) visit(tree, 'Root');
    const content = await page.getTextContent({ includeMarkedContent: true });
    const open: { id?: string; artifact: boolean }[] = [];
    const runs: TaggedRun[] = [];
    for (const item of content.items as { type?: string; id?: string; tag?: string; str?: string; transform?: number[] }[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')
        open.push({ ...(item.id && { id: item.id }), artifact: item.tag === 'Artifact' });
      else if (item.type === 'endMarkedContent') open.pop();
      else if (typeof item.str === 'string' && item.str.trim() !== '' && item.transform && !open.some((m) => m.artifact)) {
        const id = [...open].reverse().find((m) => m.id)?.id;
        const [a, b] = item.transform as [number, number];
        runs.push({ role: (id && roleOf.get(id)) ?? '?', str: item.str, y: item.transform[5]!, size: Math.hypot(a, b) });
      }
    }
    pages.push(runs);
  }
  return pages;
}

/** A heading stranded at a page's foot: the page and the heading's text. */
export interface Stranded {
  page: number;
  heading: string;
  linesAfter: number;
}

/**
 * Headings (`H1`–`H6`, and the labels given, e.g. "TIL FLIPOVER") that end a page with fewer than
 * two lines under them on it. One line is enough when what the heading heads ends on that page
 * (the next page starts with another heading, or the document ends).
 */
export function strandedHeadings(pages: readonly TaggedRun[][], labels: readonly string[] = []): Stranded[] {
  const isHeading = (run: TaggedRun) => /^H[1-6]?$/.test(run.role) || labels.includes(run.str.trim());
  const found: Stranded[] = [];
  pages.forEach((runs, index) => {
    const last = runs.findLastIndex(isHeading);
    if (last < 0) return;
    const heading = runs[last]!;
    // Lines below the heading's baseline (text beside it, as a step's clock, is not under it).
    const lines = new Set(
      runs
        .slice(last + 1)
        .filter((r) => !isHeading(r) && r.y < heading.y - heading.size * 0.4)
        .map((r) => Math.round(r.y)),
    );
    const next = pages[index + 1];
    const blockEnds = !next || next.length === 0 || isHeading(next[0]!);
    const needed = blockEnds ? 1 : 2;
    if (lines.size < needed) {
      const start = runs.slice(0, last + 1).findLastIndex((r) => !isHeading(r));
      const text = runs
        .slice(start + 1, last + 1)
        .map((r) => r.str)
        .join(' ');
      found.push({ page: index + 1, heading: text, linesAfter: lines.size });
    }
  });
  return found;
}

/** Something painted on a page, as the box it covers (points, origin bottom-left). */
export interface Painted {
  kind: 'text' | 'image' | 'path';
  what: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (a: Matrix, b: Matrix): Matrix => [
  b[0] * a[0] + b[1] * a[2],
  b[0] * a[1] + b[1] * a[3],
  b[2] * a[0] + b[3] * a[2],
  b[2] * a[1] + b[3] * a[3],
  b[4] * a[0] + b[5] * a[2] + a[4],
  b[4] * a[1] + b[5] * a[3] + a[5],
];
const apply = (m: Matrix, x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] as const;

/**
 * Every word's, image's and path's box on a page: words from the text layer (a glyph's box runs
 * from a quarter of its size below the baseline to its size above), images as their unit square
 * under the transformation in force, paths as the bounds of their points (half the line width out).
 * Paths that only clip are not painted and not listed.
 */
export async function paintedBoxes(doc: PDFDocumentProxy, pageNumber: number): Promise<Painted[]> {
  const page = await doc.getPage(pageNumber);
  const out: Painted[] = [];
  const text = await page.getTextContent();
  for (const item of text.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, , , x, y] = item.transform as number[];
    const size = Math.hypot(a!, b!);
    out.push({ kind: 'text', what: item.str, x1: x!, y1: y! - size * 0.25, x2: x! + item.width, y2: y! + size });
  }
  const { fnArray, argsArray } = await page.getOperatorList();
  const identity: Matrix = [1, 0, 0, 1, 0, 0];
  let ctm = identity;
  let lineWidth = 1;
  const stack: [Matrix, number][] = [];
  const fills = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const strokes = new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push([ctm, lineWidth]);
    else if (fn === OPS.restore) [ctm, lineWidth] = stack.pop() ?? [identity, 1];
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.setLineWidth) lineWidth = args[0] as number;
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push([ctm, lineWidth]);
      if (args[0] && typeof args[0] === 'object')
        ctm = multiply(ctm, Array.from(Object.values(args[0] as Record<string, number>)) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) [ctm, lineWidth] = stack.pop() ?? [identity, 1];
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      const corners = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
      out.push({ kind: 'image', what: 'image', ...bounds(corners, 0) });
    } else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      if (!fills.has(paint) && !strokes.has(paint)) return;
      const data = Array.from(Object.values(((args[1] as unknown[] | undefined)?.[0] ?? {}) as Record<string, number>));
      const points: (readonly [number, number])[] = [];
      for (let k = 0; k < data.length;) {
        const count = ({ 0: 2, 1: 2, 2: 6, 3: 4 } as Record<number, number>)[data[k]!] ?? 0;
        for (let c = 0; c < count; c += 2) points.push(apply(ctm, data[k + 1 + c]!, data[k + 2 + c]!));
        k += 1 + count;
      }
      const scale = Math.hypot(ctm[0], ctm[1]);
      if (points.length > 0) out.push({ kind: 'path', what: 'path', ...bounds(points, strokes.has(paint) ? (lineWidth * scale) / 2 : 0) });
    }
  });
  return out;
}

function bounds(points: readonly (readonly [number, number])[], pad: number) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x1: Math.min(...xs) - pad, y1: Math.min(...ys) - pad, x2: Math.max(...xs) + pad, y2: Math.max(...ys) + pad };
}

/**
 * Pages as a printer sees them, for what the text layer cannot tell: a tiled piece shows a clipped
 * region of a placed sheet. Each page rasterised by poppler's `pdftoppm` at 72 dpi (a pixel a
 * point), grey; for each page, the least distance in millimetres from any inked pixel (darker than
 * a faint tint) to the paper's edge, or Infinity for a blank page.
 */
export async function inkDistances(bytes: Uint8Array): Promise<number[]> {
  const dir = await tempDir('dialogkit-ink-');
  await writeFile(join(dir, 'in.pdf'), bytes);
  const run = spawnSync('pdftoppm', ['-r', '72', '-gray', join(dir, 'in.pdf'), join(dir, 'page')]);
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${String(run.stderr)}`);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
  const distances: number[] = [];
  for (const file of files) {
    const data = await readFile(join(dir, file));
    // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    const header = data.subarray(0, 40).toString('latin1').split(/\s+/);
    const [w, h] = [Number(header[1]), Number(header[2])];
    const pixels = data.subarray(data.length - w * h);
    let least = Infinity;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) if (pixels[y * w + x]! < 235) least = Math.min(least, x, y, w - 1 - x, h - 1 - y);
    distances.push((least * 25.4) / 72);
  }
  return distances;
}

/** A line of text as printed: its words and its width in points. */
export interface PrintedLine {
  text: string;
  width: number;
}

/**
 * The lines of a page's largest text (a flip-chart prompt), top to bottom, read from the text
 * positions pdf.js reports: items of the page's largest font size grouped by baseline.
 */
export function largestTextLines(page: {
  items: readonly { str: string; x: number; y: number; width: number; fontSize: number }[];
}): PrintedLine[] {
  const inked = page.items.filter((i) => i.str.trim() !== '');
  const size = Math.max(...inked.map((i) => i.fontSize));
  const rows = new Map<number, typeof inked>();
  for (const item of inked.filter((i) => Math.abs(i.fontSize - size) < 0.01)) {
    const baseline = Math.round(item.y);
    rows.set(baseline, [...(rows.get(baseline) ?? []), item]);
  }
  return [...rows.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, row]) => {
      const sorted = [...row].sort((a, b) => a.x - b.x);
      const last = sorted[sorted.length - 1]!;
      return {
        text: sorted
          .map((i) => i.str)
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
        width: last.x + last.width - sorted[0]!.x,
      };
    });
}
