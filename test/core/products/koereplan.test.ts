import { describe, expect, it } from 'vitest';
import { buildProducts, builtFixture, contentTopics, fileOf, fixture, source } from '../../helpers/build.js';
import { flat, readPdf, readStructure, type StructElement } from '../../helpers/pdf.js';

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

  it('stays on one page up to 20 steps, in smaller type and tighter rows as the programme grows', async () => {
    for (const steps of [16, 20]) {
      const result = await buildProducts([source(programme(steps, 'Drøft og saml op på det I har hørt'))], ['koereplan'], {
        start: '09:00',
      });
      const pdf = await readPdf(fileOf(result, 'koereplan.pdf'));
      expect(pdf.pages, `${steps} steps`).toHaveLength(1);
      expect(flat(pdf.text)).toContain(`Trin ${steps} · Drøft`);
      expect(result.topics[0]!.diagnostics.filter((d) => /run sheet/.test(d.message))).toEqual([]);
      // Never below the legible minimum.
      expect(Math.min(...pdf.pages[0]!.items.map((i) => i.fontSize)), `${steps} steps`).toBeGreaterThanOrEqual(7);
    }
  }, 120_000);

  it('uses the page: a short programme is set large and the room left gets lines for notes', async () => {
    const short = await buildProducts([await fixture('valid/minimal.md')], ['koereplan'], {});
    const page = (await readPdf(fileOf(short, 'koereplan.pdf'))).pages[0]!;
    const body = page.items.filter((i) => i.y > 60);
    // Ink reaches the lower fifth of the page (above the footer), not only its top half.
    const lines = await readStructure((await readPdf(fileOf(short, 'koereplan.pdf'))).doc);
    expect(lines[0]!.tree && walk(lines[0]!.tree).some((e) => e.role === 'H2' && flat(e.text) === 'Noter')).toBe(true);
    const stepRow = body.find((i) => i.str.startsWith('Trin 1'))!;
    expect(stepRow.fontSize).toBeGreaterThan(10.5);
    const long = await buildProducts([source(programme(18, 'Drøft'))], ['koereplan'], {});
    const longRow = (await readPdf(fileOf(long, 'koereplan.pdf'))).pages[0]!.items.find((i) => i.str.startsWith('Trin 1'))!;
    expect(longRow.fontSize).toBeLessThan(stepRow.fontSize);
  }, 60_000);

  it('warns at the topic when a programme needs two pages, and repeats the table head on the second', async () => {
    const result = await buildProducts(
      [source(programme(30, 'En meget lang titel på et trin, der fylder to linjer i køreplanens tabel'))],
      ['koereplan'],
      {},
    );
    const pdf = await readPdf(fileOf(result, 'koereplan.pdf'));
    expect(pdf.pages).toHaveLength(2);
    expect(flat(pdf.pages[1]!.text)).toMatch(/^Tid Min\. Det sker Materialer/);
    const warning = result.topics[0]!.diagnostics.find((d) => /run sheet needs 2 pages/.test(d.message));
    expect(warning).toMatchObject({ file: 'content/topic.md', line: 1, severity: 'warning' });
  }, 60_000);
});

/** A topic of `steps` five-minute steps, each titled `title`. */
function programme(steps: number, title: string): string {
  const body = Array.from(
    { length: steps },
    (_, i) => `## Trin ${i + 1} (5 min): ${title}\n\nTal sammen${i % 4 === 0 ? ', og brug idékort og prikker' : ''}.`,
  );
  return [
    `---\ntitle: Et langt program\nduration: "${steps * 5}"\nparticipants: "4-12"\n---`,
    '## Tag afsæt i emnet\n\n- Hvad gør vi?',
    '## Forberedelse\n\n- **Materialer:** Papir.',
    ...body,
    '## Praktiske råd\n\n- Hold tiden.',
  ].join('\n\n');
}
