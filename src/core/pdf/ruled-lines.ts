import type { CanvasLine, ContentCanvas } from 'pdfmake/interfaces.js';

/** `count` horizontal lines to write on, `gap` apart, the first a gap below the top: decoration. */
export function ruledLines(count: number, width: number, gap: number, color: string, lineWidth: number): ContentCanvas {
  return {
    canvas: Array.from({ length: count }, (_, i): CanvasLine => ({
      type: 'line',
      x1: 0,
      y1: gap * (i + 1),
      x2: width,
      y2: gap * (i + 1),
      lineWidth,
      lineColor: color,
    })),
  };
}
