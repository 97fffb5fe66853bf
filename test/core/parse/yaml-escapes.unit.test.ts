import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopic } from '../../../src/core/parse/parse-topic.js';
import { FIXTURES, source } from '../../helpers/build.js';

const seed = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');

describe('control characters written as YAML escapes', () => {
  it('are taken out of a front-matter value with a warning at its line, like raw ones', () => {
    const text = seed.replace('title: Forventningsafstemning om digital hjælp', 'title: "Forvent\\u0007ning\\e[2J om\\x9b hjælp\\u200b"');
    const { topic, diagnostics } = parseTopic(source(text));
    expect(topic!.meta.title).toBe('Forventning[2J om hjælp');
    expect(diagnostics.map((d) => `${d.line}: ${d.severity}: ${d.message}`)).toEqual([
      '2: warning: `title`: a control character (U+0007) is in the text; it is left out',
      '2: warning: `title`: a control character (U+001B) is in the text; it is left out',
      '2: warning: `title`: a control character (U+009B) is in the text; it is left out',
      '2: warning: `title`: a zero-width space (U+200B) is in the text; it is left out',
    ]);
  });
});
