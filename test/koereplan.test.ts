import { describe, expect, it } from 'vitest';
import { buildProducts, builtFixture, contentTopics, fileOf, fixture } from './helpers/build.js';
import { flat, readPdf, readStructure, type StructElement } from './helpers/pdf.js';

function walk(element: StructElement): StructElement[] {
  return [element, ...element.children.flatMap(walk)];
}

describe('koereplan.pdf, the one-page run sheet', () => {
  it('fits one A4 page for every topic of the series, at 20 and at 200 participants', async () => {
    const sources = await contentTopics();
    for (const participants of [20, 200]) {
      const result = await buildProducts(sources, ['koereplan'], {
        participants,
        start: '13:00',
        organisation: 'Faaborg-Midtfyn Kommune',
        date: '2027-01-15',
        flipoverSize: 'A1',
        tile: 'A4',
      });
      expect(result.topics).toHaveLength(6);
      for (const [index, topic] of result.topics.entries()) {
        const pdf = await readPdf(fileOf(result, 'koereplan.pdf', index));
        expect(pdf.pages, `${topic.slug} at ${participants}`).toHaveLength(1);
        expect(pdf.pages[0]!.width).toBeCloseTo(595.28, 0);
        const text = flat(pdf.text);
        expect(text).toContain(`Deltagerark: ${participants + 1} stk.`);
        expect(text).toContain('Faaborg-Midtfyn Kommune');
      }
    }
  }, 180_000);

  it('says when, how long, what and with which material, and what to print for the group', async () => {
    const result = await buildProducts([await fixture('valid/minimal.md')], ['koereplan'], {
      start: '13:00',
      participants: 9,
      organisation: 'Faaborg-Midtfyn Kommune',
      date: '2027-01-15',
    });
    const text = flat((await readPdf(fileOf(result, 'koereplan.pdf'))).text);
    expect(text).toContain('Køreplan');
    expect(text).toContain('15. januar 2027');
    expect(text).toMatch(/Før 13\.00 Forbered: materialer, teknik, tid/);
    expect(text).toMatch(/13\.00–13\.05 5 Trin 1 · Rammesæt dilemmaet Film: Sådan gør vi i borgerservice · Deltagerark/);
    expect(text).toMatch(/13\.13–13\.25 12 Trin 3 · Refleksioner Flipover-ark 1–3/);
    expect(text).toMatch(/13\.32–13\.45 13 Trin 5 · Opsamling og beslutning Afstemnings- og aftalekort/);
    // 9 participants: 10 handouts; 3 sheets on A3; 10 idea cards + vote + agreement = 12 cards, 4 a page = 3 pages; 9 dots.
    expect(text).toContain('Deltagerark: 10 stk. – 9 deltagere og facilitatoren');
    expect(text).toContain('Flipover-ark: 3 ark på A3');
    expect(text).toContain('Prikkort: 3 A4-sider med 4 kort pr. side – 10 idékort');
    expect(text).toContain('Prikker: 9 i alt');
  });

  it('counts A4 pieces when the sheets are tiled, and shows running minutes without a start time', async () => {
    const result = await buildProducts([await fixture('valid/minimal.md')], ['koereplan'], {
      flipoverSize: 'A1',
      tile: 'A4',
      participants: 9,
    });
    const text = flat((await readPdf(fileOf(result, 'koereplan.pdf'))).text);
    expect(text).toContain('Flipover-ark: 3 ark på A1, printet som 45 A4-ark (15 pr. ark)');
    expect(text).toMatch(/0–5 5 Trin 1/);
    expect(text).toMatch(/32–45 13 Trin 5/);
  });

  it('is in English for an English topic, with English clock times', async () => {
    const result = await buildProducts([await fixture('english/english.md')], ['koereplan'], { start: '09:30' });
    const text = flat((await readPdf(fileOf(result, 'koereplan.pdf'))).text);
    expect(text).toContain('Run sheet');
    expect(text).toContain('Print list');
    expect(text).toMatch(/Before 09:30/);
    expect(text).toMatch(/09:30–09:\d\d/);
  });

  it('is tagged: the schedule is a Table of TR rows with TH headers and TD cells', async () => {
    const result = await builtFixture('valid/minimal.md');
    const pages = await readStructure((await readPdf(fileOf(result, 'koereplan.pdf'))).doc);
    const all = pages.flatMap((p) => (p.tree ? walk(p.tree) : []));
    const table = all.find((e) => e.role === 'Table')!;
    expect(table.children.map((r) => r.role)).toEqual(Array(7).fill('TR'));
    expect(table.children[0]!.children.map((c) => `${c.role}:${flat(c.text)}`)).toEqual([
      'TH:Tid',
      'TH:Min.',
      'TH:Det sker',
      'TH:Materialer',
    ]);
    expect(table.children[2]!.children.map((c) => c.role)).toEqual(['TD', 'TD', 'TD', 'TD']);
    expect(all.filter((e) => e.role === 'H1').map((e) => flat(e.text))).toEqual(['Forventningsafstemning om digital hjælp']);
    expect(all.filter((e) => e.role === 'LI')).toHaveLength(5);
  });
});
