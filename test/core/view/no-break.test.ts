import { describe, expect, it } from 'vitest';
import { keepNamesTogether } from '../../../src/core/view/view-model.js';
import { buildProducts, fileOf, source, TINY_TOPIC } from '../../helpers/build.js';
import { readPdf } from '../../helpers/pdf.js';

/** Lines as pdf.js reads them back: a text item per laid-out line, per page. */
async function printedLines(bytes: Uint8Array): Promise<string[]> {
  const pdf = await readPdf(bytes);
  return pdf.pages.flatMap((page) => page.items.map((i) => i.str.replace(/\s+/g, ' ').trim()).filter(Boolean));
}

/** Where a line ends inside `words` (its first part closes the line, the rest opens the next). */
function splitAcross(lines: readonly string[], words: string): string[] {
  const parts = words.split(' ');
  const splits: string[] = [];
  for (let cut = 1; cut < parts.length; cut++) {
    const head = parts.slice(0, cut).join(' ');
    const tail = parts.slice(cut).join(' ');
    lines.forEach((line, i) => {
      if (line.endsWith(head) && lines[i + 1]?.startsWith(tail)) splits.push(`"${line}" / "${lines[i + 1]}"`);
    });
  }
  return splits;
}

describe('names, dates and minutes stay on one line', () => {
  it('joins each name of a list with no-break spaces, and leaves a long one free to break', () => {
    expect(keepNamesTogether('Fremfærd Borger, KL og HK Kommunal')).toBe('Fremfærd\u00a0Borger, KL og HK\u00a0Kommunal');
    expect(keepNamesTogether('Aarhus Kommune')).toBe('Aarhus\u00a0Kommune');
    const long = 'Center for Digital Borgerservice i Region Midtjylland';
    expect(keepNamesTogether(long)).toBe(long);
  });

  it('in the printed guide, run sheet and handout, wherever the line happens to break', async () => {
    const topic = source(TINY_TOPIC.replace('title: Lille emne', 'title: Lille emne\npublisher: Fremfærd Borger, KL og HK Kommunal'));
    const splits: string[] = [];
    // Longer and longer names before "Aarhus Kommune" move the line's end across it and the date.
    for (let k = 1; k <= 12; k++) {
      const organisation = [...Array.from({ length: k }, (_, i) => `Team${'x'.repeat(i % 4)}`), 'Aarhus Kommune'].join(', ');
      const result = await buildProducts([topic], ['drejebog', 'koereplan', 'handout'], { organisation, date: '2026-03-12' });
      for (const name of ['drejebog.pdf', 'koereplan.pdf', 'handout.pdf']) {
        const lines = await printedLines(fileOf(result, name));
        for (const words of ['Aarhus Kommune', '12. marts 2026', 'Fremfærd Borger', 'HK Kommunal'])
          splits.push(...splitAcross(lines, words).map((s) => `${name} (${k}): ${s}`));
      }
    }
    expect(splits).toEqual([]);
  }, 120_000);
});
