import { describe, expect, it } from 'vitest';
import { cardRects, mm, type Rect } from '../../../src/core/pdf/impose.js';
import { buildSources, builtFixture, fileOf, fixture, source } from '../../helpers/build.js';
import { flat, lineSegments, readPdf, type LineSegment } from '../../helpers/pdf.js';

const A4 = { width: 595.28, height: 841.89 };
const IDEA_PROMPT = 'Vores idé – skriv én konkret handling:';

async function minimalWith(frontMatterLine: string) {
  const base = await fixture('valid/minimal.md');
  const text = new TextDecoder().decode(base.bytes).replace('participants: "4-20"\n', `participants: "4-20"\n${frontMatterLine}\n`);
  return source(text, 'content/prik.md');
}

/** The card grid the default layout asks for: A6, 2 × 2, 5 mm safe margin, 8 mm gap, marks 2 mm off. */
function expectedRects(card: 'A6' | 'A7'): Rect[] {
  const a7 = card === 'A7';
  return cardRects({
    ...A4,
    cols: 2,
    rows: a7 ? 4 : 2,
    aspect: a7 ? Math.SQRT2 : 1 / Math.SQRT2,
    safeMargin: mm(5),
    gap: mm(8),
    markOffset: mm(2),
  });
}

/** Card rectangles flipped into PDF space (origin bottom-left), as pdf.js reports positions. */
function toPdfSpace(r: Rect): Rect {
  return { x: r.x, y: A4.height - r.y - r.h, w: r.w, h: r.h };
}

function checkMarks(marks: LineSegment[], rects: Rect[]) {
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.5;
  const xs = rects.flatMap((r) => [r.x, r.x + r.w]);
  const ys = rects.flatMap((r) => [r.y, r.y + r.h]);
  const vertical = marks.filter((m) => near(m.x1, m.x2));
  const horizontal = marks.filter((m) => near(m.y1, m.y2));
  expect(vertical.length + horizontal.length).toBe(marks.length);
  // Every card edge has a mark at both ends of its cut line, and every mark sits on a card edge.
  for (const x of xs) expect(vertical.filter((m) => near(m.x1, x)).length).toBeGreaterThanOrEqual(2);
  for (const y of ys) expect(horizontal.filter((m) => near(m.y1, y)).length).toBeGreaterThanOrEqual(2);
  for (const m of vertical) expect(xs.some((x) => near(m.x1, x))).toBe(true);
  for (const m of horizontal) expect(ys.some((y) => near(m.y1, y))).toBe(true);
  const inside = (x: number, y: number) => rects.some((r) => x > r.x + 0.5 && x < r.x + r.w - 0.5 && y > r.y + 0.5 && y < r.y + r.h - 0.5);
  const gridTop = Math.max(...ys);
  const gridBottom = Math.min(...ys);
  const gridLeft = Math.min(...xs);
  const gridRight = Math.max(...xs);
  for (const m of marks) {
    for (const [x, y] of [
      [m.x1, m.y1],
      [m.x2, m.y2],
      [(m.x1 + m.x2) / 2, (m.y1 + m.y2) / 2],
    ] as const) {
      expect(inside(x, y)).toBe(false);
      // Outside the whole grid, so a mark never shows on a card or in a gutter that is kept…
      expect(x < gridLeft - 0.5 || x > gridRight + 0.5 || y < gridBottom - 0.5 || y > gridTop + 0.5).toBe(true);
      // …and never within 5 mm of the paper edge.
      expect(Math.min(x, y, A4.width - x, A4.height - y)).toBeGreaterThanOrEqual(mm(5) - 0.01);
    }
  }
}

describe('prikkort.pdf', () => {
  it('prints one idea card per participant at the largest group size, plus the vote and agreement cards, four to a page', async () => {
    const result = await builtFixture('valid/minimal.md');
    const pdf = await readPdf(fileOf(result, 'prikkort.pdf'));
    const text = flat(pdf.text);
    expect(text.split(IDEA_PROMPT).length - 1).toBe(20);
    expect(pdf.pages.length).toBe(Math.ceil((20 + 2) / 4));
    for (const page of pdf.pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
    // The dot field is sized for everyone's dots: 20 participants × 1 dot.
    expect(text).toContain('plads til 20 prikker');
    expect(text).toContain('Hver deltager har én prik');
    for (const field of ['Hvad prøver vi?', 'Hvem er ansvarlig, og hvem deltager?', 'Hvornår er det afprøvet?', 'Hvornår følger vi op?']) {
      expect(text.split(field).length - 1).toBe(1);
    }
  });

  it('follows dotvote.cards and dotvote.dots, and the facilitator’s group size', async () => {
    const result = await buildSources([await minimalWith('dotvote: { cards: 9, dots: 3 }')]);
    const pdf = await readPdf(fileOf(result, 'prikkort.pdf'));
    const text = flat(pdf.text);
    expect(text.split(IDEA_PROMPT).length - 1).toBe(9);
    expect(pdf.pages.length).toBe(Math.ceil((9 + 2) / 4));
    expect(text).toContain('Hver deltager har 3 prikker');
    expect(text).toContain('plads til 60 prikker');

    const seven = await readPdf(fileOf(await buildSources([await fixture('valid/minimal.md')], { participants: 7 }), 'prikkort.pdf'));
    // Seven people make three pairs and a trio: eight cards; seven people's dots.
    expect(flat(seven.text).split(IDEA_PROMPT).length - 1).toBe(8);
    expect(flat(seven.text)).toContain('plads til 7 prikker');
  });

  it('draws crop marks at the edges of the cards a page prints, outside the cards, and keeps text on the cards', async () => {
    // 7 participants: 8 idea cards, the vote and the agreement card: 4 + 4 + 2, the last page one row.
    const result = await buildSources([await fixture('valid/minimal.md')], { participants: 7 });
    const pdf = await readPdf(fileOf(result, 'prikkort.pdf'));
    const rects = expectedRects('A6').map(toPdfSpace);
    expect(pdf.pages).toHaveLength(3);
    for (let n = 1; n <= pdf.pages.length; n++) {
      const marks = await lineSegments(pdf.doc, n);
      const crop = marks.filter(
        (m) => !rects.some((r) => m.x1 >= r.x - 0.5 && m.x1 <= r.x + r.w + 0.5 && m.y1 >= r.y - 0.5 && m.y1 <= r.y + r.h + 0.5),
      );
      // 2 columns and 2 rows of cards: 4 vertical and 4 horizontal cut lines, marked at both ends;
      // a page with one row of cards: 4 vertical and 2 horizontal cut lines, no marks for the empty row.
      const used = rects.filter((r) =>
        pdf.pages[n - 1]!.items.some((i) => i.x >= r.x && i.x <= r.x + r.w && i.y >= r.y && i.y <= r.y + r.h),
      );
      expect(used.length, `page ${n}`).toBe(n < 3 ? 4 : 2);
      expect(crop.length, `page ${n}`).toBe(n < 3 ? 16 : 12);
      checkMarks(crop, used);
      for (const item of pdf.pages[n - 1]!.items.filter((i) => i.str.trim() !== '')) {
        const onCard = rects.some(
          (r) => item.x >= r.x + mm(5) - 0.5 && item.x + item.width <= r.x + r.w - mm(5) + 0.5 && item.y >= r.y && item.y <= r.y + r.h,
        );
        expect(onCard, `"${item.str}" on page ${n} at ${item.x.toFixed(1)},${item.y.toFixed(1)}`).toBe(true);
      }
    }
  });

  it('imposes eight A7 cards to a page when the layout asks for A7', async () => {
    const result = await buildSources([await fixture('valid/minimal.md')], {}, (name, text) =>
      name === 'prikkort' ? text.replace(/^ {2}card: A6$/m, '  card: A7') : text,
    );
    const pdf = await readPdf(fileOf(result, 'prikkort.pdf'));
    expect(flat(pdf.text).split(IDEA_PROMPT).length - 1).toBe(20);
    expect(pdf.pages.length).toBe(Math.ceil(22 / 8));
    const rects = expectedRects('A7').map(toPdfSpace);
    const marks = (await lineSegments(pdf.doc, 1)).filter(
      (m) => !rects.some((r) => m.x1 >= r.x - 0.5 && m.x1 <= r.x + r.w + 0.5 && m.y1 >= r.y - 0.5 && m.y1 <= r.y + r.h + 0.5),
    );
    expect(marks.length).toBe(2 * 4 + 2 * 8);
    checkMarks(marks, rects);
  });
});
