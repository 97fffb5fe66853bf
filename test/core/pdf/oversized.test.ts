import { describe, expect, it } from 'vitest';
import { buildSources, fileOf, source } from '../../helpers/build.js';
import { readPdf } from '../../helpers/pdf.js';

/** Words no two of which are alike, so each one can be looked for in the PDF's text. */
function words(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i.toString(36)}x`);
}

const about = words('om', 900);
const guiding = words('tag', 60);
const firstList = words('liste', 90);
const tip = words('tip', 500);
const legal = words('jura', 900);
// As deep as the format allows (input-bounds.ts): eight levels.
const nested = words('dyb', 8);
const longWord = 'langtord'.repeat(625);
// As many steps as the format allows (input-bounds.ts).
const stepTitles = words('trin', 30);

/** A topic whose every section opens with a block taller than a page (issue 17, item 1). */
const topic = `---
title: Et emne med meget lange afsnit
duration: 30
participants: "4-20"
---

## Om emnet

${about.join(' ')}

## Tag afsæt i emnet

${guiding.map((w) => `- ${w}`).join('\n')}

## Forberedelse

- Materialer: papir.

${stepTitles
  .map((title, i) =>
    i === 0
      ? `## Trin 1 (1 min): ${title}\n\n${firstList.map((w) => `- ${w}`).join('\n')}\n\n${nested.map((w, depth) => `${'  '.repeat(depth)}- ${w}`).join('\n')}\n\n> **Tip:** ${tip.join(' ')}\n`
      : `## Trin ${i + 1} (1 min): ${title}\n\nSnak om det.\n`,
  )
  .join('\n')}

## Praktiske råd

${longWord}

## Juridisk baggrund

${legal.join(' ')}
`;

/**
 * The text of a PDF's body (the running footer, in the bottom margin, left out) with every space
 * and line break taken out: a word broken over lines and pages comes back in one piece.
 */
async function squeezedText(bytes: Uint8Array): Promise<string> {
  const footerBelow = 60;
  return (await readPdf(bytes)).pages
    .flatMap((page) => page.items.filter((item) => item.y > footerBelow).map((item) => item.str))
    .join('')
    .replace(/\s+/g, '');
}

describe('blocks taller than a page are printed, not dropped', () => {
  it('prints every word of every oversized section in the guide and the handout', async () => {
    const result = await buildSources([source(topic)]);
    const errors = result.topics[0]!.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    const guide = await squeezedText(fileOf(result, 'drejebog.pdf'));
    const missingInGuide = [...about, ...guiding, ...firstList, ...tip, ...nested, ...stepTitles].filter((w) => !guide.includes(w));
    expect(missingInGuide).toEqual([]);
    expect(guide).toContain(longWord);
    const handout = await squeezedText(fileOf(result, 'handout.pdf'));
    expect([...guiding, ...legal].filter((w) => !handout.includes(w))).toEqual([]);
  }, 120_000);
});
