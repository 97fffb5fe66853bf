import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopic } from '../../../src/core/parse/parse-topic.js';
import { FIXTURES, source } from '../../helpers/build.js';

const seed = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
const withAbout = (extra: string) => seed.replace('## Om emnet\n', `## Om emnet\n\n${extra}\n`);

/** Issue 35: one `[a]: url` and 160,000 `[a]` (640 KB) took 90 s to check. The work budget counts them. */
describe('reference links within a work budget (input-bounds.ts)', () => {
  it('refuses a flood of references quickly, with an error at the paragraph', { timeout: 60_000 }, () => {
    const text = withAbout(`[a]: https://www.borger.dk\n\n${'[a] '.repeat(160_000)}`);
    const started = performance.now();
    const { topic, diagnostics } = parseTopic(source(text));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(topic).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.startsWith('[a] [a]')) + 1;
    expect(diagnostics.map((d) => `${d.line}: ${d.severity}: ${d.message}`)).toContainEqual(
      `${line}: error: this paragraph has 160,000 bracketed words or links; with reference links (\`[name]: https://…\`) in the file, that is too many to be read in reasonable time`,
    );
  });

  it('reads a topic that uses reference links as authors do', () => {
    const links = Array.from({ length: 40 }, (_, i) => `Se [kilde ${i}][k${i}] og [${i}].`).join(' ');
    const defs = Array.from({ length: 40 }, (_, i) => `[k${i}]: https://www.borger.dk/${i}\n[${i}]: https://x.dk/${i}`).join('\n');
    const { topic, diagnostics } = parseTopic(source(withAbout(`${links}\n\n${defs}`)));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(topic!.about.flatMap((b) => (b.kind === 'paragraph' ? b.spans.filter((s) => s.link) : []))).toHaveLength(80);
  });
});
