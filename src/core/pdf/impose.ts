/** Card imposition: where cards sit on a sheet, and the crop marks that guide a guillotine. Pure geometry in points. */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Imposition {
  /** Paper size in points. */
  width: number;
  height: number;
  cols: number;
  rows: number;
  /** Width ÷ height of a card (A-series portrait: 1 / √2). */
  aspect: number;
  /** Nothing is printed closer to the paper edge than this. */
  safeMargin: number;
  /** Space between cards; cut twice, once on each side. */
  gap: number;
  /** Crop marks start this far outside the grid, so a slightly crooked cut never shows them. */
  markOffset: number;
}

/** The largest cards of the given aspect that fit the grid inside the margins, the grid centred on the page. */
export function cardRects(spec: Imposition): Rect[] {
  const { width, height, cols, rows, aspect, gap } = spec;
  // Room for the marks outside the grid: safe margin + mark length + offset on every side.
  const outer = spec.safeMargin + markLength(spec) + spec.markOffset;
  const maxW = (width - 2 * outer - (cols - 1) * gap) / cols;
  const maxH = (height - 2 * outer - (rows - 1) * gap) / rows;
  const w = Math.min(maxW, maxH * aspect);
  const h = w / aspect;
  const gridW = cols * w + (cols - 1) * gap;
  const gridH = rows * h + (rows - 1) * gap;
  const left = (width - gridW) / 2;
  const top = (height - gridH) / 2;
  const rects: Rect[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) rects.push({ x: left + col * (w + gap), y: top + row * (h + gap), w, h });
  }
  return rects;
}

/**
 * Crop marks for every cut line of the grid, drawn only in the margin outside the grid (so they
 * never touch a card) and never within the safe margin of the paper edge. Coordinates from the
 * top-left, as pdfmake draws.
 */
export function cropMarks(spec: Imposition, rects: readonly Rect[]): Segment[] {
  const xs = unique(rects.flatMap((r) => [r.x, r.x + r.w]));
  const ys = unique(rects.flatMap((r) => [r.y, r.y + r.h]));
  const gridLeft = Math.min(...xs);
  const gridRight = Math.max(...xs);
  const gridTop = Math.min(...ys);
  const gridBottom = Math.max(...ys);
  const length = markLength(spec);
  const off = spec.markOffset;
  const marks: Segment[] = [];
  for (const x of xs) {
    marks.push({ x1: x, y1: gridTop - off, x2: x, y2: gridTop - off - length });
    marks.push({ x1: x, y1: gridBottom + off, x2: x, y2: gridBottom + off + length });
  }
  for (const y of ys) {
    marks.push({ x1: gridLeft - off, y1: y, x2: gridLeft - off - length, y2: y });
    marks.push({ x1: gridRight + off, y1: y, x2: gridRight + off + length, y2: y });
  }
  return marks;
}

/** Marks are 5 mm long: easy to line up a blade with, short enough to stay in the margin. */
function markLength(_spec: Imposition): number {
  return mm(5);
}

export function mm(value: number): number {
  return (value * 72) / 25.4;
}

function unique(values: number[]): number[] {
  return [...new Set(values.map((v) => Math.round(v * 1000) / 1000))].sort((a, b) => a - b);
}
