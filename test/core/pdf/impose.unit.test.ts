import { describe, expect, it } from 'vitest';
import { cardRects, cropMarks, mm, type Imposition, type Rect, type Segment } from '../../../src/core/pdf/impose.js';

/** Four A6 cards on A4, as prikkort.pdf imposes them. */
const A6_ON_A4: Imposition = {
  width: 595.28,
  height: 841.89,
  cols: 2,
  rows: 2,
  aspect: 1 / Math.SQRT2,
  safeMargin: mm(5),
  gap: mm(8),
  markOffset: mm(2),
};

function crosses(segment: Segment, rect: Rect): boolean {
  const [xMin, xMax] = [Math.min(segment.x1, segment.x2), Math.max(segment.x1, segment.x2)];
  const [yMin, yMax] = [Math.min(segment.y1, segment.y2), Math.max(segment.y1, segment.y2)];
  return xMax >= rect.x && xMin <= rect.x + rect.w && yMax >= rect.y && yMin <= rect.y + rect.h;
}

describe('cardRects', () => {
  it('gives equal cards of the A-series aspect, a gap apart, the grid centred on the page', () => {
    const rects = cardRects(A6_ON_A4);
    expect(rects).toHaveLength(4);
    for (const r of rects) {
      expect(r.w / r.h).toBeCloseTo(1 / Math.SQRT2, 9);
      expect([r.w, r.h]).toEqual([rects[0]!.w, rects[0]!.h]);
    }
    const [a, b, c] = rects as [Rect, Rect, Rect];
    expect(b.x - (a.x + a.w)).toBeCloseTo(mm(8), 9);
    expect(c.y - (a.y + a.h)).toBeCloseTo(mm(8), 9);
    const right = A6_ON_A4.width - (b.x + b.w);
    const bottom = A6_ON_A4.height - (c.y + c.h);
    expect(a.x).toBeCloseTo(right, 9);
    expect(a.y).toBeCloseTo(bottom, 9);
    // Room outside the grid for the marks: safe margin + 5 mm mark + offset, at the tighter side.
    expect(Math.min(a.x, a.y)).toBeCloseTo(mm(5) + mm(5) + mm(2), 9);
  });

  it('gives eight smaller cards for a 2 × 4 grid', () => {
    const rects = cardRects({ ...A6_ON_A4, rows: 4 });
    expect(rects).toHaveLength(8);
    expect(rects[0]!.w).toBeLessThan(cardRects(A6_ON_A4)[0]!.w);
  });
});

describe('cropMarks', () => {
  const rects = cardRects(A6_ON_A4);
  const marks = cropMarks(A6_ON_A4, rects);

  it('marks every cut line at both ends: 4 vertical and 4 horizontal cuts, 16 marks of 5 mm', () => {
    expect(marks).toHaveLength(16);
    for (const m of marks) expect(Math.hypot(m.x2 - m.x1, m.y2 - m.y1)).toBeCloseTo(mm(5), 9);
    const cutsX = new Set(rects.flatMap((r) => [r.x, r.x + r.w]).map((x) => x.toFixed(3)));
    const vertical = marks.filter((m) => m.x1 === m.x2);
    expect(new Set(vertical.map((m) => m.x1.toFixed(3)))).toEqual(cutsX);
  });

  it('keeps every mark off the cards, outside the grid by the offset, and out of the safe margin', () => {
    for (const m of marks) {
      for (const r of rects) expect(crosses(m, r), JSON.stringify(m)).toBe(false);
      for (const v of [m.x1, m.x2]) expect(v).toBeGreaterThanOrEqual(mm(5) - 1e-9);
      for (const v of [m.x1, m.x2]) expect(v).toBeLessThanOrEqual(A6_ON_A4.width - mm(5) + 1e-9);
      for (const v of [m.y1, m.y2]) expect(v).toBeGreaterThanOrEqual(mm(5) - 1e-9);
      for (const v of [m.y1, m.y2]) expect(v).toBeLessThanOrEqual(A6_ON_A4.height - mm(5) + 1e-9);
    }
    const top = Math.min(...rects.map((r) => r.y));
    const above = marks.filter((m) => m.x1 === m.x2 && m.y1 < top);
    expect(above).toHaveLength(4);
    // Cut positions are rounded to 0.001 pt when collected.
    for (const m of above) expect(top - m.y1).toBeCloseTo(mm(2), 2);
  });
});
