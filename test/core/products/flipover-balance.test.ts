import { describe, expect, it } from 'vitest';
import { buildProducts, contentTopics, fileOf, source } from '../../helpers/build.js';
import { readPdf } from '../../helpers/pdf.js';
import { largestTextLines, type PrintedLine } from '../../helpers/pdf-layout.js';

/** Prompts a first-fit fill leaves with one short word on their last line (checked on A3 and A4). */
const STRANDING = [
  'Hvem henviser vi til?',
  'Hvilke erfaringer har vi med at afstemme forventninger med borgerne?',
  'Hvad siger vi til borgeren fra første øjeblik?',
];

function topicWith(prompts: readonly string[], size: string): string {
  return `---
title: Balance
duration: "10"
participants: "2-4"
flipover:
  size: ${size}
---

## Tag afsæt i emnet

- Hvad gør vi?

## Forberedelse

- Papir.

## Trin 1 (10 min): Tal sammen

Tal om det.

### Til flipover

${prompts.map((p) => `- ${p}`).join('\n')}

## Juridisk baggrund

Ingen regler.
`;
}

/**
 * Where a prompt's last line is one word less than half as wide as its widest line: a word left
 * alone, which a balanced break moves a neighbour down to (none of these prompts has a word so long
 * that it must stand alone).
 */
function strandedWords(lines: readonly PrintedLine[]): string[] {
  if (lines.length < 2) return [];
  const last = lines[lines.length - 1]!;
  const widest = Math.max(...lines.map((l) => l.width));
  return !last.text.includes(' ') && last.width < widest / 2 ? [lines.map((l) => l.text).join(' / ')] : [];
}

async function sheetsOf(bytes: Uint8Array): Promise<PrintedLine[][]> {
  const pdf = await readPdf(bytes);
  return pdf.pages.map((page) => largestTextLines(page));
}

describe('flip-chart prompts break into balanced lines', () => {
  for (const size of ['A3', 'A4', 'A1']) {
    it(`leave no short word alone on the last line (${size})`, async () => {
      const result = await buildProducts([source(topicWith(STRANDING, size), 'content/balance.md')], ['flipover']);
      const sheets = await sheetsOf(fileOf(result, 'flipover.pdf'));
      expect(sheets).toHaveLength(STRANDING.length);
      // Every word printed, in order, and the prompts do break (else the test proves nothing).
      expect(sheets.map((lines) => lines.map((l) => l.text).join(' '))).toEqual(STRANDING);
      expect(sheets.every((lines) => lines.length >= 2)).toBe(true);
      expect(sheets.flatMap(strandedWords)).toEqual([]);
    });
  }

  it('in every flip-chart sheet of the published topics', async () => {
    const topics = await contentTopics();
    const result = await buildProducts(topics, ['flipover'], { organisation: 'Aarhus Kommune', start: '09:00' });
    const stranded: string[] = [];
    for (const [index, topic] of result.topics.entries()) {
      for (const lines of await sheetsOf(fileOf(result, 'flipover.pdf', index)))
        stranded.push(...strandedWords(lines).map((s) => `${topic.slug}: ${s}`));
    }
    expect(stranded).toEqual([]);
  });
});
