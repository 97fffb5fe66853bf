import { describe, expect, it } from 'vitest';
import { mm } from '../src/core/pdf/impose.js';
import { buildSources, builtFixture, fileOf, fixture, source } from './helpers/build.js';
import { flat, lineSegments, readPdf, type PdfInfo } from './helpers/pdf.js';

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
    ]);
    expect(topic.notes.join('\n')).toContain('no flip-chart prompts');
  });
});
