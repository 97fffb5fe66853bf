import { describe, expect, it } from 'vitest';
import { builtFixture, fileOf } from './helpers/build.js';
import { flat, readPdf } from './helpers/pdf.js';

describe('handout.pdf', () => {
  it('prints header, guiding questions, the medium, each reflection question once, then the legal background', async () => {
    const result = await builtFixture('valid/minimal.md');
    const pdf = await readPdf(fileOf(result, 'handout.pdf'));
    for (const page of pdf.pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
    const text = flat(pdf.text);
    // Letter-spaced caps come back from pdf.js with spaces between the letters.
    expect(text.replace(/\s/g, '')).toContain('HJÆLPTILDIGITALTUDFORDREDEBORGERE');
    const order = ['Forventningsafstemning om digital hjælp', 'Til deltagerne', 'Tag afsæt i emnet', 'Hvordan skaber vi en god forventningsafstemning', 'Sådan gør vi i borgerservice', 'Spørgsmål til refleksion', 'Hvilke erfaringer har vi med forventningsafstemning?', 'Hvilke rammer og retningslinjer har vi?', 'Hvad er svært?', 'Juridisk baggrund', 'Vejledningspligt', 'Efter forvaltningsloven § 7'];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const question of ['Hvilke erfaringer har vi med forventningsafstemning?', 'Hvilke rammer og retningslinjer har vi?', 'Hvad er svært?']) {
      expect(text.split(question).length - 1).toBe(1);
    }
    expect(text).toMatch(/Fremfærd Borger, KL og HK Kommunal · 2023-10-27 Side 1 af \d/);
  });

  it('draws the QR code next to its address, with a clickable link', async () => {
    const result = await builtFixture('valid/minimal.md');
    const bytes = fileOf(result, 'handout.pdf');
    const pdf = await readPdf(bytes);
    const page = pdf.pages.find((p) => p.text.includes('vpt.dk/film'))!;
    expect(page.links.map((l) => l.url)).toContain('https://vpt.dk/film');
    const address = page.items.find((i) => i.str.includes('vpt.dk/film'))!;
    // The QR code is drawn as filled rectangles on the same page, level with the address's box.
    const ops = await (await pdf.doc.getPage(pdf.pages.indexOf(page) + 1)).getOperatorList();
    const fills = ops.fnArray.filter((fn) => fn === 22 /* OPS.fill */ || fn === 23 /* eoFill */ || fn === 91 /* constructPath */).length;
    expect(fills).toBeGreaterThan(50);
    expect(address.x).toBeGreaterThan(56);
    // Links in the legal text print their address for paper and stay clickable.
    expect(flat(pdf.text)).toContain('retsinformation.dk');
    expect(pdf.pages.flatMap((p) => p.links.map((l) => l.url))).toContain('https://www.retsinformation.dk/');
  });

  it('leaves out the legal part, with a warning, when the topic has none', async () => {
    const result = await builtFixture('no-legal/no-legal.md');
    const topic = result.topics[0]!;
    expect(topic.ok).toBe(true);
    expect(topic.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toContainEqual(expect.stringContaining('warning: the section `## Juridisk baggrund` is missing'));
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
    for (const label of ['For participants', 'Starting point', 'Questions for reflection', 'Legal background', 'Page 1 of']) expect(text).toContain(label);
    expect(pdf.info['Language']).toBe('en-GB');
    const guide = flat((await readPdf(fileOf(result, 'drejebog.pdf'))).text);
    expect(guide).toContain('Step 1 · Set the scene');
    expect(guide).toContain('Overview of the dialogue');
  });
});
