import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAll } from '../../../src/core/build/build.js';
import { formatDiagnostic } from '../../../src/core/messages/index.js';
import type { SourceFile } from '../../../src/core/model.js';
import { FIXTURES, source } from '../../helpers/build.js';

/** A copy of the repository's content/, so the test does not change when authors edit it. */
const CONTENT = join(FIXTURES, 'content');

async function folder(dir: string): Promise<SourceFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  return Promise.all(names.map(async (n) => source(await readFile(join(dir, n), 'utf8'), `content/${n}`)));
}

/** The series: the six published topics and two new ones that share everyday words with them. */
const series = [...(await folder(CONTENT)), ...(await folder(join(FIXTURES, 'series')))];
const text = (path: string) => new TextDecoder().decode(series.find((s) => s.path === path)!.bytes);

describe('the copy-paste check', () => {
  it('says nothing about words the series shares (pårørende, MitID, borger, selv)', () => {
    const { topics, diagnostics } = checkAll(series);
    expect(topics).toHaveLength(8);
    expect(diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
  });

  it("catches a step pasted from another topic's guide, in the topic it was pasted into only", () => {
    const guide = text('content/digitale-fuldmagter.md');
    const pasted = guide.slice(guide.indexOf('## Trin 1'), guide.indexOf('## Trin 2')).split('\n').slice(1).join('\n');
    const target = text('content/hardware-og-udstyr.md');
    const at = target.indexOf('## Trin 2');
    const edited = target.slice(0, at) + pasted + target.slice(at);
    const { diagnostics } = checkAll(series.map((s) => (s.path === 'content/hardware-og-udstyr.md' ? source(edited, s.path) : s)));
    const leaks = diagnostics.filter((d) => d.message.includes('belongs to another topic'));
    expect(leaks.length).toBeGreaterThan(0);
    const firstPastedLine = edited.slice(0, at).split('\n').length;
    for (const leak of leaks) {
      expect(leak.file).toBe('content/hardware-og-udstyr.md');
      expect(leak.line).toBeGreaterThanOrEqual(firstPastedLine);
      expect(leak.message).toMatch(
        /speaks of "fuldmagt\w*", which belongs to another topic, "Hjælp borgere med digitale fuldmagter" \(content\/digitale-fuldmagter\.md\)/,
      );
    }
  });

  it('catches a key word that only the two topics use', async () => {
    const { diagnostics } = checkAll(await folder(join(FIXTURES, 'leak')));
    const leaks = diagnostics.filter((d) => d.message.includes('belongs to another topic'));
    expect(leaks.map((d) => `${d.file}:${d.line}:${d.col}`)).toEqual(['content/offentlige-systemer.md:63:88']);
  });
});
