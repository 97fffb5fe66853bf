import { describe, expect, it } from 'vitest';
import { buildProducts, contentTopics, fileOf } from '../../helpers/build.js';
import { png } from '../../helpers/images.js';
import { readPdf } from '../../helpers/pdf.js';
import { checkAll } from '../../../src/core/build/build.js';

/** Occurrences of `needle` in `text`, whitespace squashed in both. */
function count(text: string, needle: string): number {
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  return squash(text).split(squash(needle)).length - 1;
}

describe('the tailored guide keeps its overview on page 1', () => {
  it('with the options the kit uses (logo, organisation, start, date): the programme starts on page 1, the film or podcast named once', async () => {
    const topics = await contentTopics();
    const metas = checkAll(topics).topics.map((t) => t.meta);
    const options = { logo: png(900, 300), organisation: 'Faaborg-Midtfyn Kommune', start: '09:30', date: '2027-01-15' };
    const result = await buildProducts(topics, ['drejebog'], options);
    const withMedia = metas.filter((m) => m.media?.url);
    expect(withMedia.length).toBeGreaterThan(0);
    for (const [index, topic] of result.topics.entries()) {
      const meta = metas.find((m) => m.slug === topic.slug)!;
      const pdf = await readPdf(fileOf(result, 'drejebog.pdf', index));
      const first = pdf.pages[0]!.text;
      // The overview's heading and its first row (step 1 at the start time) on page 1.
      expect(first, topic.slug).toContain('Overblik over dialogen');
      expect(first, topic.slug).toMatch(/09[.:]30/);
      if (meta.media?.url) expect(count(pdf.text, meta.media.title), `${topic.slug}: "${meta.media.title}"`).toBe(1);
    }
  }, 60_000);
});
