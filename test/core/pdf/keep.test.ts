import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProducts, contentTopics, fileOf, source } from '../../helpers/build.js';
import { strandedHeadings, taggedRuns } from '../../helpers/pdf-layout.js';
import { readPdf } from '../../helpers/pdf.js';
import { png } from '../../helpers/images.js';

/** The boxes' caps labels read as headings too: a label must not end a page without its box. */
const LABELS = ['DIALOGSPØRGSMÅL', 'TIL FLIPOVER', 'TIP'];

async function stranded(bytes: Uint8Array) {
  const pdf = await readPdf(bytes);
  try {
    return strandedHeadings(await taggedRuns(pdf.doc), LABELS);
  } finally {
    await pdf.doc.destroy();
  }
}

const words = (n: number, seed: number) =>
  Array.from(
    { length: n },
    (_, i) => ['borgeren', 'hjælp', 'kommunen', 'digital', 'fuldmagt', 'samtale', 'rådgivning'][(i + seed) % 7],
  ).join(' ');

/** What a step or section may open with: every kind of block a heading can head. */
const block = fc.oneof(
  fc.record({ kind: fc.constant('paragraph' as const), words: fc.integer({ min: 4, max: 120 }) }),
  fc.record({ kind: fc.constant('list' as const), items: fc.integer({ min: 1, max: 9 }), words: fc.integer({ min: 2, max: 40 }) }),
  fc.record({ kind: fc.constant('nested' as const), items: fc.integer({ min: 1, max: 4 }), words: fc.integer({ min: 2, max: 20 }) }),
  fc.record({ kind: fc.constant('tip' as const), words: fc.integer({ min: 4, max: 80 }) }),
  fc.record({ kind: fc.constant('subheading' as const), words: fc.integer({ min: 4, max: 60 }) }),
);
type GeneratedBlock = typeof block extends fc.Arbitrary<infer T> ? T : never;

function markdown(b: GeneratedBlock, seed: number): string {
  switch (b.kind) {
    case 'paragraph':
      return `${words(b.words, seed)}.`;
    case 'list':
      return Array.from({ length: b.items }, (_, i) => `- ${words(b.words, seed + i)}.`).join('\n');
    case 'nested':
      return Array.from(
        { length: b.items },
        (_, i) => `- ${words(b.words, seed + i)}:\n  - ${words(b.words, i)}.\n  - ${words(3, i)}.`,
      ).join('\n');
    case 'tip':
      return `> **Tip:** ${words(b.words, seed)}.`;
    case 'subheading':
      return `### ${words(3, seed)}\n\n${words(b.words, seed)}.`;
  }
}

const step = fc.record({
  minutes: fc.integer({ min: 3, max: 15 }),
  blocks: fc.array(block, { minLength: 1, maxLength: 3 }),
  questions: fc.integer({ min: 0, max: 5 }),
  prompts: fc.integer({ min: 0, max: 3 }),
  tip: fc.boolean(),
});
const topic = fc.record({
  steps: fc.array(step, { minLength: 3, maxLength: 9 }),
  about: fc.array(block, { minLength: 1, maxLength: 3 }),
  legal: fc.array(block, { minLength: 1, maxLength: 4 }),
  advice: fc.array(block, { minLength: 1, maxLength: 2 }),
});
type GeneratedTopic = typeof topic extends fc.Arbitrary<infer T> ? T : never;

function topicText(t: GeneratedTopic): string {
  const total = t.steps.reduce((sum, s) => sum + s.minutes, 0);
  const steps = t.steps.map((s, i) =>
    [
      `## Trin ${i + 1} (${s.minutes} min): ${words(3, i)}`,
      ...s.blocks.map((b, k) => markdown(b, i + k)),
      ...(s.questions > 0 ? ['### Dialogspørgsmål', Array.from({ length: s.questions }, (_, q) => `- ${words(8, q)}?`).join('\n')] : []),
      ...(s.prompts > 0 ? ['### Til flipover', Array.from({ length: s.prompts }, (_, q) => `- ${words(5, q + i)}?`).join('\n')] : []),
      ...(s.tip ? [`> **Tip:** ${words(20, i)}.`] : []),
    ].join('\n\n'),
  );
  return [
    `---\ntitle: Genereret emne\nduration: "${total}"\nparticipants: "4-12"\nmedia:\n  kind: film\n  title: En film\n  url: "https://vpt.dk/film"\n  minutes: 5\n---`,
    '## Om emnet',
    ...t.about.map((b, i) => markdown(b, i)),
    '## Tag afsæt i emnet',
    '- Hvad gør vi i dag?\n- Hvad kan vi gøre bedre?',
    '## Forberedelse',
    '- **Materialer:** Papir.\n- **Rummet:** Borde.',
    ...steps,
    '## Praktiske råd',
    ...t.advice.map((b, i) => markdown(b, i + 3)),
    '## Juridisk baggrund',
    ...t.legal.map((b, i) => markdown(b, i + 5)),
  ].join('\n\n');
}

describe('keep with next: a heading is never the last thing on its page', () => {
  it('holds for generated topics, whatever block a heading heads (read back from the tagged PDF)', async () => {
    await fc.assert(
      fc.asyncProperty(topic, async (t) => {
        const result = await buildProducts([source(topicText(t))], ['drejebog', 'handout'], { start: '09:00', logo: png(240, 80) });
        const errors = [...result.diagnostics, ...result.topics.flatMap((x) => x.diagnostics)].filter((d) => d.severity === 'error');
        expect(errors).toEqual([]);
        expect(await stranded(fileOf(result, 'drejebog.pdf')), 'drejebog.pdf').toEqual([]);
        expect(await stranded(fileOf(result, 'handout.pdf')), 'handout.pdf').toEqual([]);
      }),
      { numRuns: 14, seed: 29, endOnFailure: true },
    );
  }, 600_000);

  it('holds for the six topics of the series with a logo, an organisation and a start time', async () => {
    const result = await buildProducts(await contentTopics(), ['drejebog', 'handout'], {
      start: '09:00',
      organisation: 'Faaborg-Midtfyn Kommune',
      logo: png(240, 80),
    });
    for (const topic of result.topics)
      for (const file of ['drejebog.pdf', 'handout.pdf'])
        expect(await stranded(topic.files.find((f) => f.path.endsWith(file))!.bytes), `${topic.slug}/${file}`).toEqual([]);
  }, 120_000);
});
