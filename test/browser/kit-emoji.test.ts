import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeKit, type KitAssets, type KitResult } from '../../src/browser/kit.js';
import type { FontSet } from '../../src/core/pdf/typeset.js';
import { loadFonts, loadLayouts } from '../../src/node/load.js';
import { FIXTURES, TINY_TOPIC } from '../helpers/build.js';
import { embeddedFontNames } from '../helpers/pdf.js';

// The kit as the bundle assembles it (scripts/bundle-kit.ts), with the emoji font behind a
// loader that counts its calls, as the page's script would be fetched.
let layouts: Pick<KitAssets, 'layouts' | 'labels'>;
let all: FontSet;
let emojiBytes: Uint8Array;
beforeAll(async () => {
  [layouts, all] = await Promise.all([loadLayouts(), loadFonts()]);
  emojiBytes = all['Emoji']!.normal;
});

function kitAssets(load: () => Promise<Uint8Array>): KitAssets & { calls: () => number } {
  let calls = 0;
  return {
    ...layouts,
    fonts: { Atkinson: all['Atkinson']! },
    emoji: () => {
      calls++;
      return load();
    },
    calls: () => calls,
  };
}

const TINY = { path: 'content/lille-emne.md', text: TINY_TOPIC };

function bytesOf(result: KitResult): Record<string, string> {
  return Object.fromEntries(result.files.map((f) => [f.path, Buffer.from(f.bytes).toString('base64')]));
}

function drejebog(result: KitResult): Uint8Array {
  return result.files.find((f) => f.path.endsWith('/drejebog.pdf'))!.bytes;
}

describe('the kit loads the emoji font only for a text that holds an emoji', () => {
  it('leaves it unloaded for a topic and options without one, and makes the same bytes as with it', async () => {
    const assets = kitAssets(() => Promise.resolve(emojiBytes));
    const options = { organisation: 'Borgerservice', note: 'Husk kaffe' };
    const without = await makeKit(assets, TINY, options);
    expect(assets.calls()).toBe(0);
    const withFont = await makeKit({ ...layouts, fonts: all, emoji: () => Promise.reject(new Error('not asked')) }, TINY, options);
    expect(bytesOf(without)).toEqual(bytesOf(withFont));
    expect(embeddedFontNames(drejebog(without)).some((n) => n.includes('NotoEmoji'))).toBe(false);
  }, 30_000);

  it('loads it once for an emoji in the facilitator’s note or in the topic, and sets the emoji in it', async () => {
    const assets = kitAssets(() => Promise.resolve(emojiBytes));
    const inNote = await makeKit(assets, TINY, { note: 'Husk kaffe ☕' });
    expect(assets.calls()).toBe(1);
    expect(embeddedFontNames(drejebog(inNote)).some((n) => n.includes('NotoEmoji'))).toBe(true);
    expect(inNote.missingGlyphs).toEqual([]);
    const minimal = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8'); // an emoji in step 1
    const inTopic = await makeKit(assets, { path: 'content/minimal.md', text: minimal }, {});
    expect(embeddedFontNames(drejebog(inTopic)).some((n) => n.includes('NotoEmoji'))).toBe(true);
    expect(assets.calls()).toBe(1);
  }, 30_000);

  it('loads it for an emoji written as a YAML escape, in the topic or in the labels', async () => {
    const escaped = { path: 'content/lille-emne.md', text: TINY_TOPIC.replace('title: Lille emne', 'title: "Lille emne \\u2615"') };
    const topicAssets = kitAssets(() => Promise.resolve(emojiBytes));
    const inTitle = await makeKit(topicAssets, escaped, {});
    expect(topicAssets.calls()).toBe(1);
    expect(inTitle.files.length).toBeGreaterThan(0);
    expect(embeddedFontNames(drejebog(inTitle)).some((n) => n.includes('NotoEmoji'))).toBe(true);

    // A label is printed in the text font (an emoji there is a box, with a warning, as in the CLI);
    // the font is loaded all the same, as the kit cannot tell every label's use.
    const labels = { ...layouts.labels, text: layouts.labels.text.replace('  guide: Drejebog', '  guide: "Drejebog \\U0001F4D8"') };
    const labelAssets = kitAssets(() => Promise.resolve(emojiBytes));
    const inLabel = await makeKit({ ...labelAssets, labels }, TINY, {});
    expect(labelAssets.calls()).toBe(1);
    expect(inLabel.files.length).toBeGreaterThan(0);
  }, 30_000);

  it('fails that "Hent" when the font cannot be loaded, and tries again on the next', async () => {
    let fail = true;
    const assets = kitAssets(() => (fail ? Promise.reject(new Error('the emoji font could not be loaded')) : Promise.resolve(emojiBytes)));
    await expect(makeKit(assets, TINY, { note: '☕' })).rejects.toThrow('the emoji font could not be loaded');
    fail = false;
    const result = await makeKit(assets, TINY, { note: '☕' });
    expect(assets.calls()).toBe(2);
    expect(result.files.length).toBeGreaterThan(0);
  }, 30_000);
});
