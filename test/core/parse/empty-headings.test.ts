import { describe, expect, it } from 'vitest';
import { buildSources, source, TINY_TOPIC } from '../../helpers/build.js';

/**
 * Issue 35: an empty `###` heading (nothing, an image without text, HTML, a no-break or a
 * zero-width space) in the case or the legal background stopped the whole build with an internal
 * error. It is left out with a warning at its line, and every product is made.
 */
const EMPTY_HEADINGS = ['###', '### ![](https://billeder.dk/a.png)', '### <br>', '### \u00a0', '### \u200b'];

const TOPIC = TINY_TOPIC.replace('## Juridisk baggrund\n\nIngen regler.\n', () => {
  const block = EMPTY_HEADINGS.map((h) => `${h}\n\nTekst under.\n`).join('\n');
  return `## Case\n\n${block}\n## Juridisk baggrund\n\n${block}\n### Regler\n\nIngen regler.\n`;
});

describe('empty headings in the case and the legal background', () => {
  it('are left out with a warning at each line, and every product is made', { timeout: 120_000 }, async () => {
    const result = await buildSources([source(TOPIC, 'content/tomme.md')]);
    const topic = result.topics[0]!;
    expect(topic.ok, JSON.stringify(topic.diagnostics)).toBe(true);
    expect(topic.files.map((f) => f.path.split('/')[1]).sort()).toEqual(
      [
        'drejebog.pdf',
        'flipover.pdf',
        'handout.pdf',
        'index.html',
        'koereplan.pdf',
        'prikkort.pdf',
        'skaerm.html',
        'drejebog.docx',
        'handout.docx',
        'aftaleark.docx',
      ].sort(),
    );
    const lines = TOPIC.split('\n');
    const headingLines = lines.flatMap((l, i) => (EMPTY_HEADINGS.includes(l) ? [i + 1] : []));
    expect(headingLines).toHaveLength(2 * EMPTY_HEADINGS.length);
    const warned = topic.diagnostics.filter((d) => d.message === 'this heading has no text and is left out').map((d) => d.line);
    expect(warned).toEqual(headingLines);
  });
});
