import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildInput, type BuildResult } from '../src/core/build.js';
import { createBuildMemo } from '../src/core/build-memo.js';
import { loadFonts, loadLayouts } from '../src/load.js';
import { FIXTURES, source } from './helpers/build.js';

/** The fingerprint of every file a build made or kept, as the next build's `previous`. */
function fingerprints(result: BuildResult): Record<string, string> {
  return Object.fromEntries(
    result.topics.flatMap((t) => Object.entries(t.fingerprints).map(([name, print]) => [`${t.slug}/${name}`, print])),
  );
}

const names = (paths: readonly string[]) => paths.map((p) => p.split('/').pop()).sort();

describe("a build with watch's memo", () => {
  it('keeps the files whose product read nothing a save changed, and remakes the others as a fresh build would', async () => {
    const [templates, fonts] = await Promise.all([loadLayouts(), loadFonts()]);
    const original = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
    const input = (text: string): BuildInput => ({ topics: [source(text)], ...templates, fonts, options: {}, version: 'test' });
    const memo = createBuildMemo();
    const first = await build({ ...input(original), memo });

    const newLegal = original.replace('### Vejledningspligt\n', '### Vejledningspligt\n\nEn ny sætning.\n');
    expect(newLegal).not.toBe(original);
    const legal = await build({ ...input(newLegal), memo, previous: fingerprints(first) });
    const [topic] = legal.topics;
    expect(names(topic!.unchanged)).toEqual(expect.arrayContaining(['drejebog.pdf', 'flipover.pdf', 'prikkort.pdf']));
    expect(names(topic!.files.map((f) => f.path))).toContain('handout.pdf');
    // What is remade and how every file is fingerprinted is what a build without the memo does.
    const fresh = await build(input(newLegal));
    expect(topic!.fingerprints).toEqual(fresh.topics[0]!.fingerprints);
    for (const file of topic!.files)
      expect(Buffer.compare(file.bytes, fresh.topics[0]!.files.find((f) => f.path === file.path)!.bytes), file.path).toBe(0);

    // Without the memo, the same save remakes every file: the topic's bytes changed.
    const forgetful = await build({ ...input(newLegal), previous: fingerprints(first) });
    expect(forgetful.topics[0]!.unchanged).toEqual([]);

    // A flip-chart prompt is read by the sheets: they are remade.
    const newPrompt = newLegal.replace('### Til flipover\n', '### Til flipover\n\n- Hvad gør vi nu?\n');
    const prompt = await build({ ...input(newPrompt), memo, previous: fingerprints(legal) });
    expect(names(prompt.topics[0]!.files.map((f) => f.path))).toContain('flipover.pdf');
  }, 60_000);
});
