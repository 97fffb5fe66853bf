import { describe, expect, it } from 'vitest';
import { mm } from '../../../src/core/pdf/impose.js';
import { buildSources, builtFixture, fileOf, fixture, source } from '../../helpers/build.js';
import {
  flat,
  lineSegments,
  readingOrder,
  readPdf,
  readStructure,
  unmarkedPaint,
  type LineSegment,
  type PdfInfo,
} from '../../helpers/pdf.js';

const LANDSCAPE = { A4: [842, 595], A3: [1191, 842], A2: [1684, 1191], A1: [2384, 1684] } as const;
const LONG_PROMPT =
  'Hvordan kan vi i vores team blive bedre til at opdage de borgere, der har brug for hjælp til digitale løsninger, før de står i skranken, og hvilke små ændringer i vores egen praksis ville gøre den største forskel for dem i hverdagen?';
const COMPOUND = 'Hjemmehjælpsvisitationssagsbehandlerkursus'; // 42 letters
const MONSTER =
  'Arbejdsmarkedsuddannelsescentersamarbejdsforløbsbeskrivelsesudvalgsmedlemsrepræsentantskabsmødeindkaldelsesbrevskabelonerne';

/** The minimal fixture with its flip-chart list replaced. */
async function withPrompts(list: string, frontMatter = '') {
  const base = new TextDecoder().decode((await fixture('valid/minimal.md')).bytes);
  const start = base.indexOf('- Hvilke erfaringer');
  const end = base.indexOf('\n## Trin 4');
  const text = base.slice(0, start) + list + '\n' + base.slice(end);
  return source(frontMatter ? text.replace('participants: "4-20"\n', `participants: "4-20"\n${frontMatter}\n`) : text, 'content/flip.md');
}

/** The largest font size on a page: the prompt's. */
function promptSize(pdf: PdfInfo, page: number): number {
  return Math.max(...pdf.pages[page]!.items.filter((i) => i.str.trim()).map((i) => i.fontSize));
}

/** Long horizontal strokes on a page: the ruled lines (the accent rule under the label is drawn too, at the top). */
async function horizontalRules(pdf: PdfInfo, page: number, longerThan: number): Promise<LineSegment[]> {
  return (await lineSegments(pdf.doc, page)).filter((s) => Math.abs(s.y1 - s.y2) < 0.01 && Math.abs(s.x2 - s.x1) > longerThan);
}

function expectTextInside(pdf: PdfInfo) {
  for (const [n, page] of pdf.pages.entries()) {
    for (const item of page.items.filter((i) => i.str.trim())) {
      const where = `"${item.str}" on page ${n + 1}`;
      expect(item.x, where).toBeGreaterThanOrEqual(0);
      expect(item.x + item.width, where).toBeLessThanOrEqual(page.width + 0.5);
      expect(item.y, where).toBeGreaterThanOrEqual(0);
      expect(item.y + item.height, where).toBeLessThanOrEqual(page.height + 0.5);
    }
  }
}

describe('flipover.pdf', () => {
  it('prints every prompt on its own A3 landscape sheet, in step order, with step label, details and title', async () => {
    const result = await builtFixture('valid/minimal.md');
    const pdf = await readPdf(fileOf(result, 'flipover.pdf'));
    expect(pdf.pages.length).toBe(3);
    for (const page of pdf.pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual(LANDSCAPE.A3);
    const prompts = ['Hvilke erfaringer har vi med forventningsafstemning?', 'Hvilke rammer og retningslinjer har vi?', 'Hvad er svært?'];
    prompts.forEach((prompt, i) => {
      const text = flat(pdf.pages[i]!.text);
      expect(text).toContain(prompt);
      for (const other of prompts.filter((p) => p !== prompt)) expect(text).not.toContain(other);
      expect(text.replace(/\s/g, '')).toContain('TRIN3·REFLEKSIONER');
      expect(text).toContain('Forventningsafstemning om digital hjælp');
      expect(text).toContain(`Ark ${i + 1} af 3`);
    });
    expect(flat(pdf.pages[0]!.text)).toContain('Del kort jeres erfaringer');
    // The nested list is set smaller than its prompt.
    const detail = pdf.pages[0]!.items.find((i) => i.str.includes('Gode og mindre gode'))!;
    expect(detail.fontSize).toBeLessThan(promptSize(pdf, 0) * 0.7);
    expectTextInside(pdf);
  });

  it('sets a short prompt much larger than a long one, without breaking words', async () => {
    const result = await buildSources([await withPrompts(`- Hvad nu?\n- ${LONG_PROMPT}\n- Kender I et ${COMPOUND}?`)]);
    expect(result.topics[0]!.diagnostics).toEqual([]);
    const pdf = await readPdf(fileOf(result, 'flipover.pdf'));
    expect(pdf.pages.length).toBe(3);
    const [short, long, compound] = [0, 1, 2].map((p) => promptSize(pdf, p));
    expect(short!).toBeGreaterThan(long! * 1.8);
    expect(long!).toBeGreaterThanOrEqual(30); // the layout's minimum on A3
    // Every word of the long prompt arrives whole (pdf.js gives one item per line).
    const words = pdf.pages[1]!.items.flatMap((i) => i.str.split(/\s+/)).filter(Boolean);
    for (const word of LONG_PROMPT.split(/\s+/)) expect(words).toContain(word);
    expect(pdf.pages[2]!.items.some((i) => i.str.includes(COMPOUND))).toBe(true);
    expect(compound!).toBeGreaterThan(30);
    expectTextInside(pdf);
  });

  it('hyphenates a word that cannot fit even at the minimum size, and warns with its line', async () => {
    const topic = await withPrompts(`- Hvad betyder ${MONSTER}?`, 'flipover: { size: A4 }');
    const result = await buildSources([topic]);
    const warning = result.topics[0]!.diagnostics.find((d) => d.message.includes(MONSTER))!;
    expect(warning).toMatchObject({ severity: 'warning', file: 'content/flip.md' });
    const lines = new TextDecoder().decode(topic.bytes).split('\n');
    expect(lines[warning.line - 1]).toContain(MONSTER);
    const pdf = await readPdf(fileOf(result, 'flipover.pdf'));
    expect(pdf.pages.length).toBe(1);
    const pieces = pdf.pages[0]!.items.map((i) => i.str.trim()).filter((s) => s.length > 10 && MONSTER.includes(s.replace(/-$|\?$/, '')));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.slice(0, -1).every((p) => p.endsWith('-'))).toBe(true);
    expect(pieces.join('').replace(/-/g, '')).toContain(MONSTER);
    expectTextInside(pdf);
  });

  it.each(['A4', 'A3', 'A2', 'A1'] as const)(
    'fits every prompt inside the %s sheet, set by the topic or overridden on the command line',
    async (size) => {
      const fromTopic = await buildSources([await withPrompts(`- Hvad nu?\n- ${LONG_PROMPT}`, `flipover: { size: ${size} }`)]);
      const fromCli = await buildSources([await withPrompts(`- Hvad nu?\n- ${LONG_PROMPT}`)], { flipoverSize: size });
      for (const result of [fromTopic, fromCli]) {
        const pdf = await readPdf(fileOf(result, 'flipover.pdf'));
        expect(pdf.pages.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual([LANDSCAPE[size], LANDSCAPE[size]]);
        expectTextInside(pdf);
      }
      expect(fileOf(fromTopic, 'flipover.pdf')).toEqual(fileOf(fromCli, 'flipover.pdf'));
    },
  );

  it('tiles an A1 sheet onto as many A4 pieces as the geometry implies, overlapping 10 mm, with marks and labels', async () => {
    const result = await buildSources([await withPrompts('- Hvad er svært?\n- Hvad virker?')], { flipoverSize: 'A1', tile: 'A4' });
    const bytes = fileOf(result, 'flipover.pdf');
    const pdf = await readPdf(bytes);
    // A4 with 10 mm margins prints 190 × 277 mm; pieces overlap 10 mm. A1 is 841 × 594 mm.
    // Portrait: ⌈(841 − 10) / (190 − 10)⌉ = 5 columns × ⌈(594 − 10) / (277 − 10)⌉ = 3 rows = 15.
    // Landscape: ⌈831 / 267⌉ = 4 × ⌈584 / 180⌉ = 4 = 16. Portrait needs fewer.
    const perSheet = Math.ceil((841 - 10) / (190 - 10)) * Math.ceil((594 - 10) / (277 - 10));
    expect(perSheet).toBe(15);
    expect(pdf.pages.length).toBe(2 * perSheet);
    for (const page of pdf.pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
    const text = (n: number) => flat(pdf.pages[n]!.text);
    expect(text(0)).toContain('Ark 1 · del 1 af 15 · række 1, kolonne 1');
    expect(text(6)).toContain('Ark 1 · del 7 af 15 · række 2, kolonne 2');
    expect(text(15 + 14)).toContain('Ark 2 · del 15 af 15 · række 3, kolonne 5');
    // Each piece's label sits in its margin, clear of the paper edge.
    for (const page of pdf.pages) {
      const label = page.items.find((i) => i.str.startsWith('Ark '))!;
      expect(label.y).toBeGreaterThan(mm(5));
      expect(label.y).toBeLessThan(mm(10));
    }
    // Alignment crosses: the same cross is printed on both neighbours, one step (printable − overlap) apart on paper.
    const crosses = async (n: number) =>
      (await lineSegments(pdf.doc, n)).filter((s) => Math.abs(s.x1 - s.x2) < 0.01 && Math.abs(Math.abs(s.y2 - s.y1) - 2 * mm(4)) < 0.5);
    const first = await crosses(1);
    const second = await crosses(2);
    const below = await crosses(6);
    expect(first.length).toBeGreaterThanOrEqual(4);
    const printable = { w: 595.28 - 2 * mm(10), h: 841.89 - 2 * mm(10) };
    const rightOfFirst = first.filter((c) => c.x1 > 595.28 - mm(20));
    expect(rightOfFirst.length).toBe(2);
    for (const c of rightOfFirst) {
      expect(second.some((d) => Math.abs(c.x1 - (printable.w - mm(10)) - d.x1) < 0.5 && Math.abs(c.y1 - d.y1) < 0.5)).toBe(true);
      // The cross lies in the overlap strip: within 10 mm of the printed area's right edge.
      expect(595.28 - mm(10) - c.x1).toBeLessThan(mm(10));
    }
    const belowFirst = first.filter((c) => (c.y1 + c.y2) / 2 < mm(20));
    expect(belowFirst.length).toBeGreaterThan(0);
    for (const c of belowFirst)
      expect(below.some((d) => Math.abs(c.x1 - d.x1) < 0.5 && Math.abs(c.y1 + (printable.h - mm(10)) - d.y1) < 0.5)).toBe(true);
    // Reproducible: the pdf-lib pass adds nothing from the clock.
    const again = await buildSources([await withPrompts('- Hvad er svært?\n- Hvad virker?')], { flipoverSize: 'A1', tile: 'A4' });
    expect(fileOf(again, 'flipover.pdf')).toEqual(bytes);
  });

  describe('with room to write (`flipover: { space: write }`)', () => {
    // A3 landscape: 40 pt margins, a 44.2 pt band under the label and above the foot, the prompt in 34 % of the rest.
    const A3 = { height: 842, margin: 40, band: 17 * 2.6 };
    const body = A3.height - 2 * A3.margin - 2 * A3.band;
    const promptBottom = A3.height - A3.margin - A3.band - 0.34 * body; // from the bottom, as pdf.js measures
    const writeBottom = A3.margin + A3.band;

    it('sets every prompt whole in the upper third and rules the rest, 54 pt apart down to the foot', async () => {
      const prompts = `- Hvad nu?\n- ${LONG_PROMPT}\n  - Tænk på jeres egen hverdag`;
      const result = await buildSources([await withPrompts(prompts, 'flipover: { space: write }')]);
      expect(result.topics[0]!.diagnostics).toEqual([]);
      const pdf = await readPdf(fileOf(result, 'flipover.pdf'));
      const large = await readPdf(fileOf(await buildSources([await withPrompts(prompts)]), 'flipover.pdf'));
      expect(pdf.pages.length).toBe(2);
      for (const [n, page] of pdf.pages.entries()) {
        const body = page.items.filter((i) => i.str.trim() && i.fontSize > 20);
        expect(body.length, `page ${n + 1}`).toBeGreaterThan(0);
        // Baselines sit above the ruled part; descenders reach at most a fifth of the size below.
        for (const item of body) expect(item.y - item.fontSize * 0.25, `"${item.str}"`).toBeGreaterThan(promptBottom);
        const rules = (await horizontalRules(pdf, n + 1, 1000)).filter((r) => r.y1 < promptBottom);
        expect(rules.length, `page ${n + 1}`).toBeGreaterThanOrEqual(7);
        const ys = rules.map((r) => r.y1).sort((a, b) => a - b);
        expect(ys[0]).toBeCloseTo(writeBottom, 1);
        ys.slice(1).forEach((y, i) => expect(y - ys[i]!).toBeCloseTo(54, 1));
        expect(flat(page.text)).toContain(`Ark ${n + 1} af 2`);
        expect(flat(page.text).replace(/\s/g, '')).toContain('TRIN3·REFLEKSIONER');
      }
      // Nothing lost: every word of the long prompt and its detail, smaller than on a sheet of its own but not below the minimum.
      const words = pdf.pages[1]!.items.flatMap((i) => i.str.split(/\s+/)).filter(Boolean);
      for (const word of `${LONG_PROMPT} Tænk på jeres egen hverdag`.split(/\s+/)) expect(words).toContain(word);
      expect(promptSize(pdf, 1)).toBeLessThan(promptSize(large, 1));
      expect(promptSize(pdf, 1)).toBeGreaterThanOrEqual(30);
      // Without the option no ruled lines are drawn below the prompt.
      expect((await horizontalRules(large, 2, 1000)).filter((r) => r.y1 < promptBottom)).toEqual([]);
      expectTextInside(pdf);
    });

    it('stays tagged: the prompt a heading in its section, the lines drawn as artifacts', async () => {
      const result = await buildSources([await withPrompts('- Hvad er svært?', 'flipover: { space: write }')]);
      const pdf = await readPdf(fileOf(result, 'flipover.pdf'));
      const [page] = await readStructure(pdf.doc);
      expect(page!.untaggedText).toBe('');
      expect(await unmarkedPaint(pdf.doc, 1)).toEqual([]);
      const roles = readingOrder(page!.tree!).map((line) => line.trim());
      expect(roles).toContain('H1: Hvad er svært?');
    });

    it('leaves the default sheets byte for byte as they were, and `space: none` is the default', async () => {
      const list = `- Hvad nu?\n- ${LONG_PROMPT}`;
      const plain = fileOf(await buildSources([await withPrompts(list)]), 'flipover.pdf');
      const none = fileOf(await buildSources([await withPrompts(list, 'flipover: { space: none }')]), 'flipover.pdf');
      const write = fileOf(await buildSources([await withPrompts(list, 'flipover: { space: write }')]), 'flipover.pdf');
      expect(none).toEqual(plain);
      expect(write).not.toEqual(plain);
    });

    it('runs the lines on across the seams of tiled A4 pieces, which keep their marks and labels', async () => {
      const result = await buildSources([await withPrompts('- Hvad er svært?', 'flipover: { size: A1, tile: A4, space: write }')]);
      const pdf = await readPdf(fileOf(result, 'flipover.pdf'));
      expect(pdf.pages.length).toBe(15);
      expect(flat(pdf.pages[7]!.text)).toContain('Ark 1 · del 8 af 15 · række 2, kolonne 3');
      // Pieces 7 and 8 are neighbours in row 2: the same lines at the same heights, reaching into the shared strip.
      const heights = async (n: number) =>
        (await horizontalRules(pdf, n, 100)).map((r) => Math.round(r.y1 * 10) / 10).sort((a, b) => a - b);
      const left = await heights(7);
      expect(left.length).toBeGreaterThanOrEqual(3);
      expect(await heights(8)).toEqual(left);
      const crosses = (await lineSegments(pdf.doc, 7)).filter(
        (s) => Math.abs(s.x1 - s.x2) < 0.01 && Math.abs(Math.abs(s.y2 - s.y1) - 2 * mm(4)) < 0.5,
      );
      expect(crosses.length).toBeGreaterThanOrEqual(4);
    });

    it('reports a wrong value at its line and column, with the value meant', async () => {
      const topic = await withPrompts('- Hvad er svært?', 'flipover: { size: A2, space: wirte }');
      const result = await buildSources([topic]);
      const error = result.topics[0]!.diagnostics.find((d) => d.message.includes('flipover.space'))!;
      expect(error).toMatchObject({ severity: 'error', file: 'content/flip.md', line: 8 });
      expect(error.message).toBe('`flipover.space` must be none or write, not "wirte"');
      expect(error.hint).toBe('did you mean `space: write`?');
      const line = new TextDecoder().decode(topic.bytes).split('\n')[error.line - 1]!;
      expect(line.slice(error.col - 1)).toMatch(/^wirte/);
      expect(result.topics[0]!.files).toEqual([]);
    });
  });

  it('writes no flipover.pdf for a topic without prompts, and says so', async () => {
    const base = new TextDecoder().decode((await fixture('valid/minimal.md')).bytes);
    const text = base.replace(/### Til flipover\n\n(- .*\n| {2}- .*\n)+/, '');
    const result = await buildSources([source(text, 'content/none.md')]);
    const topic = result.topics[0]!;
    expect(topic.ok).toBe(true);
    expect(topic.files.map((f) => f.path.split('/')[1])).toEqual([
      'drejebog.pdf',
      'koereplan.pdf',
      'handout.pdf',
      'prikkort.pdf',
      'index.html',
      'skaerm.html',
      'drejebog.docx',
      'handout.docx',
      'aftaleark.docx',
    ]);
    expect(topic.notes.join('\n')).toContain('no flip-chart prompts');
  });
});
