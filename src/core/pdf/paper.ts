import type { PaperSize } from '../model.js';

/** Paper sizes in points, portrait (ISO 216). */
export const PAPER: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  A3: { width: 841.89, height: 1190.55 },
  A2: { width: 1190.55, height: 1683.78 },
  A1: { width: 1683.78, height: 2383.94 },
};

export type Orientation = 'portrait' | 'landscape';

/** A paper size turned as asked. */
export function paper(size: PaperSize, orientation: Orientation): { width: number; height: number } {
  const { width, height } = PAPER[size];
  return orientation === 'portrait' ? { width, height } : { width: height, height: width };
}

/** The page a PDF product is set on, with the text column it leaves. */
export interface Page {
  size: PaperSize;
  orientation: Orientation;
  margins: [number, number, number, number];
  width: number;
  height: number;
  /** Between the left and right margins, in whole points (rules stop short of the margin rather than cross it). */
  textWidth: number;
}
