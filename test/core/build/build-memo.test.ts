import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, checkAll, type BuildInput, type BuildResult } from '../../../src/core/build/build.js';
import { createBuildMemo } from '../../../src/core/build/build-memo.js';
import { MAX_TOPIC_BYTES } from '../../../src/core/parse/parse-topic.js';
import { loadFonts, loadLayouts } from '../../../src/node/load.js';
import { FIXTURES, source } from '../../helpers/build.js';

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
    const first = await build({ ...input(original), cache: memo });

    const newLegal = original.replace('### Vejledningspligt\n', '### Vejledningspligt\n\nEn ny sætning.\n');
    expect(newLegal).not.toBe(original);
    const legal = await build({ ...input(newLegal), cache: memo, previous: fingerprints(first) });
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
    const prompt = await build({ ...input(newPrompt), cache: memo, previous: fingerprints(legal) });
    expect(names(prompt.topics[0]!.files.map((f) => f.path))).toContain('flipover.pdf');
  }, 60_000);

  it('forgets what the products of a deleted or renamed topic read', async () => {
    const [templates, fonts] = await Promise.all([loadLayouts(), loadFonts()]);
    const text = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
    const named = (slug: string) => text.replace(/^title: .*$/m, (title) => `${title}\nslug: ${slug}`);
    const memo = createBuildMemo();
    const slugsRead = () => [...new Set([...memo.readKeys()].map((key) => key.split('/')[0]))].sort();
    const run = (...topics: [string, string][]) =>
      build({ topics: topics.map(([path, t]) => source(t, path)), ...templates, fonts, options: {}, version: 'test', cache: memo });

    await run(['content/a.md', named('emne-a')], ['content/b.md', named('emne-b')]);
    expect(slugsRead()).toEqual(['emne-a', 'emne-b']);
    // b.md gets another slug: its old files are not the topic's any more.
    await run(['content/a.md', named('emne-a')], ['content/b.md', named('emne-c')]);
    expect(slugsRead()).toEqual(['emne-a', 'emne-c']);
    // a.md is deleted.
    await run(['content/b.md', named('emne-c')]);
    expect(slugsRead()).toEqual(['emne-c']);
    // A save that breaks b.md keeps what its products read, for when it is mended...
    await run(['content/b.md', named('emne-c').replace(/^title: .*$/m, 'title: [')]);
    expect(slugsRead()).toEqual(['emne-c']);
    // ...and mended with yet another slug, the broken file's last good one is forgotten.
    await run(['content/b.md', named('emne-d')]);
    expect(slugsRead()).toEqual(['emne-d']);
    // A broken file that is then deleted takes its last good slug's records along.
    await run(['content/b.md', named('emne-d').replace(/^title: .*$/m, 'title: [')]);
    await run(['content/a.md', named('emne-a')]);
    expect(slugsRead()).toEqual(['emne-a']);
  }, 60_000);

  it('reports the warnings of a file it keeps, exactly as a fresh build of the same text does', async () => {
    const [templates, fonts] = await Promise.all([loadLayouts(), loadFonts()]);
    const input = (text: string): BuildInput => ({ topics: [source(text)], ...templates, fonts, options: {}, version: 'test' });
    const word = 'a'.repeat(100);
    // A word too long for a flip-chart sheet (a warning from the sheets alone), and a character
    // no font has (one warning that names every file lacking it, at its first use in the topic).
    const original = (await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8')).replace('- Hvad er svært?', `- Hvad betyder ${word}? ꙮ`);
    const legal = original.replace('### Vejledningspligt\n', '### Vejledningspligt\n\nEn ny sætning.\n');
    // Lines added above every step: the prompt's warning and the character's first use move down.
    const shifted = legal.replace('## Om emnet\n', '## Om emnet\n\nEt nyt afsnit.\n\nOg et til.\n');
    // The character's first use moves up, into a section the sheets do not print.
    const earlier = shifted.replace('Et nyt afsnit.', 'Et nyt afsnit ꙮ.');
    const memo = createBuildMemo();
    let previous: Record<string, string> | undefined;
    const kept: Record<string, ReturnType<typeof names>> = {};
    for (const [name, text] of Object.entries({ original, legal, again: legal, shifted, earlier })) {
      const result = await build({ ...input(text), cache: memo, ...(previous && { previous }) });
      const fresh = await build(input(text));
      const topic = result.topics[0]!;
      expect(topic.ok, name).toBe(true);
      expect(topic.diagnostics, name).toEqual(fresh.topics[0]!.diagnostics);
      const warning = topic.diagnostics.find((d) => d.message.includes(word));
      expect(text.split('\n')[warning!.line - 1], name).toContain(word);
      kept[name] = names(topic.unchanged);
      previous = fingerprints(result);
    }
    // The sheets were kept after the edits that did not touch what they print, and their warning still said.
    expect(kept['legal']).toContain('flipover.pdf');
    expect(kept['again']).toContain('flipover.pdf');
    expect(kept['earlier']).toContain('flipover.pdf');
    // A prompt's line is part of what the sheets read: once it moved, they were made again, so
    // their warning names the line as it is now, never the line it had.
    expect(kept['shifted']).not.toContain('flipover.pdf');
  }, 120_000);

  it('parses a file over the size limit again when it grew, though the bytes read are the same', () => {
    const memo = createBuildMemo();
    // Of a file over the limit only the beginning is read: the same bytes, whatever its size.
    const bytes = new Uint8Array(MAX_TOPIC_BYTES + 1).fill(0x61);
    const said = (size: number) => checkAll([{ path: 'content/big.md', bytes, size }], memo).diagnostics.map((d) => d.message);
    expect(said(2_000_000)).toEqual([expect.stringContaining('the file is 2,000,000 bytes')]);
    expect(said(3_000_000)).toEqual([expect.stringContaining('the file is 3,000,000 bytes')]);
  });
});
