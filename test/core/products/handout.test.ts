import { describe, expect, it } from 'vitest';
import { builtFixture, fileOf } from '../../helpers/build.js';
import { filledBoxes, flat, lineSegments, readPdf } from '../../helpers/pdf.js';

describe('handout.pdf', () => {
  it('prints header, guiding questions, the medium, each reflection question once, then the legal background', async () => {
    const result = await builtFixture('valid/minimal.md');
    const pdf = await readPdf(fileOf(result, 'handout.pdf'));
    for (const page of pdf.pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
    const text = flat(pdf.text);
    // Letter-spaced caps come back from pdf.js with spaces between the letters.
    expect(text.replace(/\s/g, '')).toContain('HJÆLPTILDIGITALTUDFORDREDEBORGERE');
    const order = [
      'Forventningsafstemning om digital hjælp',
      'Til deltagerne',
      'Tag afsæt i emnet',
      'Hvordan skaber vi en god forventningsafstemning',
      'Sådan gør vi i borgerservice',
      'Spørgsmål til refleksion',
      'Hvilke erfaringer har vi med forventningsafstemning?',
      'Hvilke rammer og retningslinjer har vi?',
      'Hvad er svært?',
      'Juridisk baggrund',
      'Vejledningspligt',
      'Efter forvaltningsloven § 7',
    ];
    const positions = order.map((s) => text.indexOf(s));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(positions),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const question of [
      'Hvilke erfaringer har vi med forventningsafstemning?',
      'Hvilke rammer og retningslinjer har vi?',
      'Hvad er svært?',
    ]) {
      expect(text.split(question).length - 1).toBe(1);
    }
    // The date as a reader writes it, not as the front matter does.
    expect(text).toMatch(/Fremfærd Borger, KL og HK Kommunal · 27\. oktober 2023 Side 1 af \d/);
  });

  it('rules three lines for notes under each reflection question, 21 pt apart, as wide as the text column', async () => {
    const pdf = await readPdf(fileOf(await builtFixture('valid/minimal.md'), 'handout.pdf'));
    const questions = ['Hvilke erfaringer har vi med forventningsafstemning?', 'Hvilke rammer og retningslinjer har vi?', 'Hvad er svært?'];
    const pageIndex = pdf.pages.findIndex((p) => p.text.includes(questions[0]!));
    const page = pdf.pages[pageIndex]!;
    const ys = questions.map((q) => page.items.find((i) => i.str === q)!.y);
    // Rules are the horizontal strokes from the text column's left edge (right of the number) to the right margin.
    const rules = (await lineSegments(pdf.doc, pageIndex + 1)).filter(
      (s) => Math.abs(s.y1 - s.y2) < 0.01 && Math.abs(s.x2 - s.x1 - 465) < 0.5,
    );
    expect(rules).toHaveLength(3 * questions.length);
    for (const [n, y] of ys.entries()) {
      const next = ys[n + 1] ?? 0;
      const under = rules
        .map((r) => r.y1)
        .filter((ry) => ry < y && ry > next)
        .sort((a, b) => b - a);
      expect(under, questions[n]).toHaveLength(3);
      expect(under[0]! - under[1]!).toBeCloseTo(21, 1);
      expect(under[1]! - under[2]!).toBeCloseTo(21, 1);
      for (const r of rules.filter((r) => under.includes(r.y1)))
        expect(r.x1).toBeCloseTo(page.items.find((i) => i.str === questions[n])!.x, 0);
    }
  });

  it('draws the QR code next to its address, with a clickable link', async () => {
    const result = await builtFixture('valid/minimal.md');
    const bytes = fileOf(result, 'handout.pdf');
    const pdf = await readPdf(bytes);
    const page = pdf.pages.find((p) => p.text.includes('vpt.dk/film'))!;
    expect(page.links.map((l) => l.url)).toContain('https://vpt.dk/film');
    const address = page.items.find((i) => i.str.includes('vpt.dk/film'))!;
    // The QR code is drawn as 2 pt modules on the same page, in the media box beside the address:
    // a square grid of a QR version's size (17 + 4 × version) with the three finder patterns and
    // the timing patterns.
    const pageNumber = pdf.pages.indexOf(page) + 1;
    const boxes = await filledBoxes(pdf.doc, pageNumber);
    const modules = boxes.filter((b) => Math.abs(b.w - 2) < 0.01 && Math.abs(b.h - 2) < 0.01);
    const left = Math.min(...modules.map((b) => b.x));
    const bottom = Math.min(...modules.map((b) => b.y));
    const size = Math.round((Math.max(...modules.map((b) => b.x)) + 2 - left) / 2);
    expect(size).toBeGreaterThanOrEqual(21);
    expect((size - 17) % 4).toBe(0);
    expect(Math.round((Math.max(...modules.map((b) => b.y)) + 2 - bottom) / 2)).toBe(size);
    const dark = new Set(modules.map((b) => `${Math.round((b.x - left) / 2)},${size - 1 - Math.round((b.y - bottom) / 2)}`));
    for (const b of modules) expect(((b.x - left) / 2) % 1).toBeCloseTo(0, 3);
    const isDark = (col: number, row: number) => dark.has(`${col},${row}`);
    for (const [col, row] of [
      [0, 0],
      [size - 7, 0],
      [0, size - 7],
    ] as const) {
      for (let i = 0; i < 7; i++) {
        for (const [c, r] of [
          [col + i, row],
          [col + i, row + 6],
          [col, row + i],
          [col + 6, row + i],
        ])
          expect(isDark(c!, r!), `finder ring ${c},${r}`).toBe(true);
      }
      for (let i = 1; i < 6; i++)
        for (const [c, r] of [
          [col + i, row + 1],
          [col + i, row + 5],
          [col + 1, row + i],
          [col + 5, row + i],
        ])
          expect(isDark(c!, r!), `finder gap ${c},${r}`).toBe(false);
      for (let c = 2; c < 5; c++)
        for (let r = 2; r < 5; r++) expect(isDark(col + c, row + r), `finder centre ${col + c},${row + r}`).toBe(true);
    }
    // The timing patterns between the finders alternate dark and light.
    for (let i = 8; i < size - 8; i++) {
      expect(isDark(i, 6), `timing ${i},6`).toBe(i % 2 === 0);
      expect(isDark(6, i), `timing 6,${i}`).toBe(i % 2 === 0);
    }
    // Beside the address, inside the same box: right of it, overlapping its line vertically.
    const mediaBox = boxes.find(
      (b) => b.x <= address.x && b.x + b.w >= address.x && b.y <= address.y && b.y + b.h >= address.y && b.h > 50,
    )!;
    expect(mediaBox).toBeDefined();
    expect(left).toBeGreaterThan(address.x + address.width);
    expect(bottom).toBeGreaterThan(mediaBox.y);
    expect(bottom + 2 * size).toBeLessThan(mediaBox.y + mediaBox.h + 0.01);
    expect(address.x).toBeGreaterThan(56);
    // Links in the legal text print their address for paper and stay clickable.
    expect(flat(pdf.text)).toContain('retsinformation.dk');
    expect(pdf.pages.flatMap((p) => p.links.map((l) => l.url))).toContain('https://www.retsinformation.dk/');
  });

  it('leaves out the legal part, with a warning, when the topic has none', async () => {
    const result = await builtFixture('no-legal/no-legal.md');
    const topic = result.topics[0]!;
    expect(topic.ok).toBe(true);
    expect(topic.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toContainEqual(
      expect.stringContaining('warning: the section `## Juridisk baggrund` is missing'),
    );
    const text = flat((await readPdf(fileOf(result, 'handout.pdf'))).text);
    expect(text).not.toContain('Juridisk baggrund');
    expect(text).toContain('Spørgsmål til refleksion');
  });

  it('flows a long legal background over pages without stranding a heading at the foot', async () => {
    const result = await builtFixture('long-legal/long-legal.md');
    const pdf = await readPdf(fileOf(result, 'handout.pdf'));
    expect(pdf.pages.length).toBeGreaterThan(2);
    for (const [index, page] of pdf.pages.entries()) {
      const body = page.items.filter((i) => i.str.trim() !== '' && i.y > 70); // above the footer
      expect(body.length, `page ${index + 1} is empty`).toBeGreaterThan(0);
      const last = body.reduce((a, b) => (b.y < a.y ? b : a));
      expect(last.str, `page ${index + 1} ends with a heading`).not.toMatch(/^Afsnit \d+:/);
    }
    for (let i = 1; i <= 12; i++) expect(flat(pdf.text)).toContain(`Første sætning i afsnit ${i} forklarer reglen.`);
  });

  it('uses English labels for an English topic', async () => {
    const result = await builtFixture('english/english.md');
    expect(result.topics[0]!.diagnostics).toEqual([]);
    const pdf = await readPdf(fileOf(result, 'handout.pdf'));
    const text = flat(pdf.text);
    for (const label of ['For participants', 'Starting point', 'Questions for reflection', 'Legal background', 'Page 1 of'])
      expect(text).toContain(label);
    expect(pdf.info['Language']).toBe('en-GB');
    const guide = flat((await readPdf(fileOf(result, 'drejebog.pdf'))).text);
    expect(guide).toContain('Step 1 · Set the scene');
    expect(guide).toContain('Overview of the dialogue');
  });
});
