import { describe, expect, it } from 'vitest';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { build } from '../../../src/core/build/build.js';
import { createTypesetter, type Typesetter } from '../../../src/core/pdf/typeset.js';
import { loadFonts, loadLayouts } from '../../../src/node/load.js';
import { source } from '../../helpers/build.js';

/**
 * The text-conservation net (pdf/ledger.ts) end to end: a typesetter that really loses text, the
 * way pdfmake does (a block kept together on one page that is taller than a page is dropped
 * without a word), makes the build fail at the source line of each loss and ship no file of the
 * topic. One paragraph is lost wholly, one partly (its second half).
 */
const TOPIC = `---
title: Tabt tekst
duration: "10"
participants: "2-4"
---

## Tag afsæt i emnet

- Hvad gør vi?

## Forberedelse

- Papir.

## Trin 1 (10 min): Tal sammen

Dette afsnit forsvinder helt fra drejebogen.

Dette afsnit mister sin anden halvdel undervejs.

### Til flipover

- Hvad gør vi nu?

## Juridisk baggrund

Ingen regler.
`;
const lineOf = (text: string) => TOPIC.split('\n').indexOf(text) + 1;
const WHOLLY = lineOf('Dette afsnit forsvinder helt fra drejebogen.');
const PARTLY = lineOf('Dette afsnit mister sin anden halvdel undervejs.');

/** A block taller than any page, kept together: pdfmake drops it, with everything in it. */
const dropped = (content: unknown) => ({ unbreakable: true, stack: [content, { text: '', margin: [0, 2000, 0, 0] }] });

/** The real typesetter, with the two paragraphs rebuilt in each guide so that pdfmake loses them. */
function losingTypesetter(real: Typesetter): Typesetter {
  const lose = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(lose);
    if (node === null || typeof node !== 'object') return node;
    const n = node as { sourceLine?: number; text?: unknown };
    if (n.text !== undefined && n.sourceLine === WHOLLY) return dropped(n);
    if (n.text !== undefined && n.sourceLine === PARTLY && typeof n.text === 'object') {
      // Its owner (the paragraph's tag) keeps both halves; only the second sits in the dropped block.
      const { text, ...rest } = n;
      const inlines = [text].flat(Infinity) as unknown[];
      const plain = inlines.map((i) => (typeof i === 'string' ? i : (i as { text: string }).text)).join('');
      const cut = Math.floor(plain.length / 2);
      return { ...rest, stack: [{ text: plain.slice(0, cut) }, dropped({ text: plain.slice(cut) })] };
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, lose(v)]));
  };
  return { ...real, render: (doc, options) => real.render({ ...doc, content: lose(doc.content) } as TDocumentDefinitions, options) };
}

describe('a typesetter that loses text', () => {
  it('fails the build at the line of each loss, wholly or partly, and ships no file of the topic', { timeout: 120_000 }, async () => {
    const [{ layouts, labels }, fonts] = await Promise.all([loadLayouts(), loadFonts()]);
    const typesetter = losingTypesetter(createTypesetter(fonts));
    const result = await build({ topics: [source(TOPIC, 'content/tabt.md')], layouts, labels, fonts, options: {}, typesetter });
    const topic = result.topics[0]!;
    const lost = topic.diagnostics.filter((d) => d.severity === 'error' && /does not print all of this/.test(d.message));
    const at = (line: number) => lost.filter((d) => d.file === 'content/tabt.md' && d.line === line).map((d) => d.message);
    expect(at(WHOLLY)[0]).toMatch(/^drejebog\.pdf does not print all of this: (\d+) of \1 characters of "Dette afsnit forsvinder helt/);
    const partly = /: (\d+) of (\d+) characters of "Dette afsnit mister/.exec(at(PARTLY)[0] ?? '');
    expect(partly, lost.map((d) => `${d.line}: ${d.message}`).join('\n')).not.toBeNull();
    expect(Number(partly![1])).toBeGreaterThan(0);
    expect(Number(partly![1])).toBeLessThan(Number(partly![2]));
    expect(topic.ok).toBe(false);
    expect(topic.files).toEqual([]);
    expect(topic.unchanged).toEqual([]);
  });
});
