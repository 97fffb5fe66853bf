import { describe, expect, it } from 'vitest';
import type { BuildOptions } from '../../../src/core/settings/options.js';
import { buildProducts, buildSources, contentTopics, source } from '../../helpers/build.js';
import { png } from '../../helpers/images.js';
import { inkDistances, paintedBoxes } from '../../helpers/pdf-layout.js';
import { readPdf } from '../../helpers/pdf.js';

/** Nothing is printed closer than this to the paper's edge: office printers cannot print there. */
const ZONE_MM = 5;
const mm = (points: number) => (points * 25.4) / 72;

/** A 16-step programme (a two-hour session), every step with a list, prompts and a tip now and then. */
function longProgramme(steps: number): string {
  const body = Array.from({ length: steps }, (_, i) =>
    [
      `## Trin ${i + 1} (7 min): Drøft del ${i + 1}`,
      i % 2 ? '- Tal to og to.\n- Tag en runde.\n- Skriv pointerne op.' : 'Introducér trinnet, og lad deltagerne tale sammen.',
      ...(i % 3 === 0 ? ['### Til flipover', '- Hvem henviser vi til?'] : []),
      ...(i % 5 === 0 ? ['> **Tip:** Hold tiden, og brug idékort og prikker.'] : []),
    ].join('\n\n'),
  );
  return [
    `---\ntitle: Et langt program\nduration: "${steps * 7}"\nparticipants: "4-20"\ndate: 2024-03-05\n---`,
    '## Tag afsæt i emnet\n\n- Hvad gør vi?',
    '## Forberedelse\n\n- **Materialer:** Papir.',
    ...body,
    '## Praktiske råd\n\n- Hold tiden.',
    '## Juridisk baggrund\n\n### Regler\n\nForvaltningsloven gælder.',
  ].join('\n\n');
}

/** Long tokens where they did the most harm (issue 35): a URL in a step title, a one-word film title, a 90-letter word. */
const LONG_TOKENS = `---
title: Lange ord
duration: "20"
participants: "4-8"
media:
  kind: film
  title: "Enmegetlangfilmtitelderaldrigholderopmedatværeetordfordetersåsjovtatskriveordsomaldrigslutter og mere"
  url: "https://vpt.dk/film"
  minutes: 4
---

## Tag afsæt i emnet

- Hvad gør vi?

## Forberedelse

- **Materialer:** Papir.

## Trin 1 (10 min): Se https://www.borger.dk/hjaelp-og-vejledning/hvad-kan-du-faa-hjaelp-til/digital-fuldmagt-og-adgang

Vis filmen.

### Til flipover

- Hvad betyder ${'a'.repeat(90)}?

## Trin 2 (10 min): Saml op

Saml op.

## Praktiske råd

- Hold tiden.

## Juridisk baggrund

Loven gælder.
`;

/** Every box painted within the zone, as `file p<page> <kind> "<what>" <mm>`; crop marks excepted. */
async function intoZone(file: string, bytes: Uint8Array): Promise<string[]> {
  const pdf = await readPdf(bytes);
  const found: string[] = [];
  try {
    for (let n = 1; n <= pdf.pages.length; n++) {
      const { width, height } = pdf.pages[n - 1]!;
      for (const box of await paintedBoxes(pdf.doc, n)) {
        // Crop marks guide the guillotine outside the cards, and stop at the zone by design.
        if (file.endsWith('prikkort.pdf') && box.kind === 'path' && Math.min(box.x2 - box.x1, box.y2 - box.y1) < 1) continue;
        const distance = mm(Math.min(box.x1, box.y1, width - box.x2, height - box.y2));
        if (distance < ZONE_MM - 0.01) found.push(`${file} p${n} ${box.kind} "${box.what.slice(0, 30)}" ${distance.toFixed(1)} mm`);
      }
    }
  } finally {
    await pdf.doc.destroy();
  }
  return found;
}

const OPTIONS: BuildOptions = {
  logo: png(240, 80),
  organisation: 'Faaborg-Midtfyn Kommune, Borgerservice',
  start: '09:00',
  date: '2024-05-02',
};

describe('the clear zone: nothing within 5 mm of the paper edge', () => {
  it('holds for every product of the series, a 16-step programme and long tokens, with logo, organisation and start', async () => {
    const topics = [...(await contentTopics()), source(longProgramme(16), 'content/langt.md'), source(LONG_TOKENS, 'content/lange-ord.md')];
    const result = await buildSources(topics, {
      ...OPTIONS,
      note: `Lokale retningslinjer: ${'x'.repeat(120)}`,
      organisation: `Kommune${'x'.repeat(70)}`,
    });
    const errors = [...result.diagnostics, ...result.topics.flatMap((t) => t.diagnostics)].filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    const found: string[] = [];
    for (const topic of result.topics)
      for (const file of topic.files.filter((f) => f.path.endsWith('.pdf'))) found.push(...(await intoZone(file.path, file.bytes)));
    expect(found).toEqual([]);
  }, 300_000);

  it('holds for flip-chart sheets on every paper, and A4 pieces keep their 10 mm', async () => {
    const topics = [(await contentTopics())[1]!, source(LONG_TOKENS, 'content/lange-ord.md')];
    const found: string[] = [];
    for (const flipoverSize of ['A4', 'A3', 'A2', 'A1'] as const) {
      const result = await buildProducts(topics, ['flipover'], { ...OPTIONS, flipoverSize });
      for (const topic of result.topics)
        for (const file of topic.files) found.push(...(await intoZone(`${flipoverSize} ${file.path}`, file.bytes)));
    }
    expect(found).toEqual([]);
    // A piece shows a clipped region of its sheet, which the text layer does not tell: look at the ink.
    const tiled = await buildProducts(topics, ['flipover'], { ...OPTIONS, flipoverSize: 'A2', tile: 'A4' });
    for (const topic of tiled.topics) {
      const distances = await inkDistances(topic.files[0]!.bytes);
      expect(Math.min(...distances), topic.slug).toBeGreaterThanOrEqual(ZONE_MM);
    }
  }, 300_000);
});
