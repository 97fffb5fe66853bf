import { describe, expect, it } from 'vitest';
import { parseTopic } from '../../../src/core/parse/parse-topic.js';
import { embeddedSource } from '../../../src/core/publish/embedded-source.js';
import { source, TINY_TOPIC } from '../../helpers/build.js';

/** A topic with comments (not printed) where authors put them, and comment marks that are printed text. */
const TOPIC = TINY_TOPIC.replace(
  'Tal om det.',
  'Tal om det. <!-- hemmelig: Jens er syg -->Og lyt.\n\n<!--\nIntern note over\nflere linjer\n-->\n\nSkriv `<!-- kode -->` på tavlen.\n\n```\n<!-- i en kodeblok -->\n```',
).replace('## Juridisk baggrund', '<!-- fortroligt -->\n## Juridisk baggrund');

describe('the source the download page embeds', () => {
  it('holds no HTML comment, every line where it was, and code as written', () => {
    const embedded = embeddedSource(TOPIC);
    expect(embedded).not.toMatch(/hemmelig|Intern note|flere linjer|fortroligt/);
    expect(embedded).toContain('`<!-- kode -->`');
    expect(embedded).toContain('<!-- i en kodeblok -->');
    expect(embedded.split('\n')).toHaveLength(TOPIC.split('\n').length);
    expect(embedded.split('\n').indexOf('## Juridisk baggrund')).toBe(TOPIC.split('\n').indexOf('## Juridisk baggrund'));
  });

  it('reads as the same topic: the kit prints what the CLI prints, at the same lines', () => {
    const original = parseTopic(source(TOPIC)).topic;
    expect(original).toBeDefined();
    expect(parseTopic(source(embeddedSource(TOPIC))).topic).toEqual(original);
  });

  it('drops an unclosed comment to the end, as Markdown reads it', () => {
    expect(embeddedSource('a\n<!-- resten\nb\n')).toBe('a\n\n\n');
  });
});
