import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/core/messages/index.js';
import { parseTopic } from '../../../src/core/parse/parse-topic.js';
import { plainText } from '../../../src/core/parse/parse-markdown.js';
import { FIXTURES, source } from '../../helpers/build.js';

const seed = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');

/** The seed with one edit, parsed; `said` lists `line:col: severity: message`. */
function parseEdited(find: string, replace: string) {
  if (!seed.includes(find)) throw new Error(`not in the seed: ${find}`);
  const text = seed.replace(find, replace);
  const result = parseTopic(source(text));
  const lineOf = (marker: string) => text.split('\n').findIndex((l) => l.includes(marker)) + 1;
  return { ...result, lineOf, said: result.diagnostics.map((d) => `${d.line}:${d.col}: ${d.severity}: ${d.message}`) };
}

const FLIP = '- Hvilke rammer og retningslinjer har vi?';

describe('slips that change meaning are named at their line', () => {
  // [what, find, replace with, marker on the reported line, column, expected message]
  const warned: [string, string, string, string, number, RegExp][] = [
    [
      'a flip prompt without a space after the dash',
      FLIP,
      `${FLIP}\n-Hvor går grænsen?`,
      '-Hvor går',
      1,
      /warning: "-Hvor går grænsen\?" has no space after the dash/,
    ],
    [
      'a heading without a space',
      '## Praktiske råd',
      '##Praktiske råd\n\n## Praktiske råd',
      '##Praktiske råd',
      1,
      /warning: `##Praktiske råd` has no space after `##`, so it is no heading/,
    ],
    [
      'an unknown section after the legal background',
      '*Teksten er en generel',
      '## Kilder\n\nSe loven.\n\n*Teksten er en generel',
      '## Kilder',
      4,
      /warning: `## Kilder` ends the legal background/,
    ],
    [
      'a detail indented by one space',
      '  - Del kort jeres erfaringer',
      ' - Del kort jeres erfaringer',
      ' - Del kort',
      1,
      /warning: this item is indented by one space more than the list/,
    ],
    [
      'a space between ] and (',
      '[borger.dk](https://www.borger.dk)',
      '[borger.dk] (https://www.borger.dk)',
      '[borger.dk] (',
      68,
      /warning: a space between `\]` and `\(` makes this link print as text/,
    ],
    [
      'an empty tip',
      '> **Tip:** Deltagerne kan se filmen, før I mødes.',
      '> **Tip:**',
      '> **Tip:**',
      1,
      /warning: the tip is empty and is left out/,
    ],
    [
      'a known section with more words',
      '## Forberedelse',
      '## Forberedelse – før dialogen på arbejdspladsen',
      '## Forberedelse –',
      4,
      /warning: `## Forberedelse – før dialogen på arbejdspladsen` is read as the section `## Forberedelse`/,
    ],
    [
      'a YAML comment swallowing text',
      'title: Forventningsafstemning om digital hjælp',
      'title: Hjælp til MitID #1',
      'title:',
      24,
      /warning: "#1" is read as a YAML comment and is not part of `title`/,
    ],
  ];

  it.each(warned)('%s', (_what, find, replace, marker, col, expected) => {
    const { said, lineOf, topic } = parseEdited(find, replace);
    const hit = said.find((d) => expected.test(d));
    expect(hit, said.join('\n')).toBe(`${lineOf(marker)}:${col}: ${hit!.split(': ').slice(1).join(': ')}`);
    expect(topic, 'a warning still builds the topic').toBeDefined();
  });

  it('accepts a dash after the minutes as the separator, like the colon', () => {
    const { topic, said } = parseEdited('## Trin 2 (8 min): Indsaml pointer', '## Trin 2 (8 min) - Indsaml pointer');
    expect(said).toEqual([]);
    expect(topic!.steps[1]!.title).toBe('Indsaml pointer');
    expect(parseEdited('## Trin 2 (8 min): Indsaml pointer', '## Trin 2 (8 min) – Indsaml pointer').topic!.steps[1]!.title).toBe(
      'Indsaml pointer',
    );
  });

  it('accepts `> Tip:` without bold as a tip', () => {
    const { topic, said } = parseEdited(
      '> **Tip:** Deltagerne kan se filmen, før I mødes.',
      '> Tip: Deltagerne kan se filmen, før I mødes.',
    );
    expect(said).toEqual([]);
    expect(topic!.steps[0]!.tips.map((t) => t.map((b) => (b.kind === 'paragraph' ? plainText(b.spans) : '')).join())).toEqual([
      'Deltagerne kan se filmen, før I mødes.',
    ]);
  });

  it('keeps the known section when more words follow it, and prints its items', () => {
    const { topic } = parseEdited('## Forberedelse', '## Forberedelse: før dialogen');
    expect(topic!.preparation).toHaveLength(3);
  });

  it('leaves an empty tip out instead of printing an empty box', () => {
    const { topic } = parseEdited('> **Tip:** Deltagerne kan se filmen, før I mødes.', '> **Tip:**');
    expect(topic!.steps[0]!.tips).toEqual([]);
  });

  it('says nothing about a valid topic', () => {
    expect(parseTopic(source(seed)).diagnostics).toEqual([]);
  });
});

describe('text hygiene', () => {
  it('reads decomposed letters (NFD) as the same headings, and never suggests what was written', () => {
    const { topic, diagnostics } = parseTopic(source(seed.normalize('NFD')));
    expect(diagnostics).toEqual([]);
    expect(topic!.steps[0]!.questions).toHaveLength(2);
  });

  it('takes out control and invisible characters with one warning per character at its first place', () => {
    const text = seed
      .replace('title: Forventningsafstemning om', 'title: Forventnings\u000bafstemning om')
      .replace('Introducér emnet og vis filmen.', 'Introducér\u200b emnet\u200b og\u2028vis filmen.\u001b[2J');
    const { topic, diagnostics } = parseTopic(source(text));
    const messages = diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`);
    expect(messages).toEqual([
      '2:20: a control character (U+000B) is in the text; it is left out',
      '28:11: a zero-width space (U+200B) is in the text; it is left out',
      '28:22: a line separator (U+2028) is in the text; it is printed as a space',
      '28:34: a control character (U+001B) is in the text; it is left out',
    ]);
    expect(topic!.meta.title).toBe('Forventningsafstemning om digital hjælp');
    expect(JSON.stringify(topic)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u200b\u2028]/);
  });

  it('names line and column of the first byte that is not UTF-8', () => {
    const bytes = new TextEncoder().encode(seed.replace('title: Forventnings', 'title: Forventnings\u0001'));
    bytes[bytes.indexOf(1)] = 0xe6;
    const [d] = parseTopic({ path: 'content/topic.md', bytes }).diagnostics;
    expect(d).toMatchObject({
      line: 2,
      col: 20,
      severity: 'error',
      message: 'the file is not valid UTF-8 text: the byte here is not UTF-8',
    });
  });

  it('prints control characters from content escaped, never raw', () => {
    const line = formatDiagnostic({
      file: 'a\u001b.md',
      line: 1,
      col: 1,
      severity: 'warning',
      code: 'DK0252',
      params: {},
      message: 'x \u001b[2J y',
      hint: '\u0007',
    });
    expect(line).toBe('a\\u001b.md:1:1: warning: x \\u001b[2J y\n  hint: \\u0007');
  });
});

describe('placeholder addresses', () => {
  it.each([
    [
      'a link to example.com',
      '[borger.dk](https://www.borger.dk)',
      '[borger.dk](https://example.com/side)',
      '"https://example.com/side" is a placeholder',
    ],
    [
      'a link to localhost',
      '[borger.dk](https://www.borger.dk)',
      '[borger.dk](http://localhost:8080/x)',
      '"http://localhost:8080/x" is a placeholder',
    ],
    [
      'a link that says TODO',
      '[borger.dk](https://www.borger.dk)',
      '[borger.dk](https://www.borger.dk/TODO)',
      '"https://www.borger.dk/TODO" is a placeholder',
    ],
    [
      'a media url on example.org',
      'url: "https://vpt.dk/film"',
      'url: "https://example.org/film"',
      '`media.url` "https://example.org/film" is a placeholder',
    ],
  ])('warns about %s at its line', (_what, find, replace, expected) => {
    const { said, lineOf, topic } = parseEdited(find, replace);
    const hit = said.find((d) => d.includes(expected));
    expect(hit, said.join('\n')).toMatch(new RegExp(`^${lineOf(replace)}:\\d+: warning: `));
    expect(topic).toBeDefined();
  });
});

describe('bounded work: counts derived from input are capped, with an error at the line', () => {
  const seedWith = (find: string, replace: string) => parseEdited(find, replace);
  const bodyStart = '## Om emnet';

  it('refuses 3,000 nested block quotes without overflowing the stack', () => {
    const { said, topic, lineOf } = seedWith(bodyStart, `${'>'.repeat(3000)} dybt\n\n${bodyStart}`);
    expect(topic).toBeUndefined();
    expect(said).toContain(`${lineOf('>>>>')}:1: error: block quotes are nested 3000 deep here; at most 8 are allowed`);
  });

  it('refuses lists nested deeper than 8', () => {
    const deep = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- niveau ${i + 1}`).join('\n');
    const { said, lineOf } = seedWith(bodyStart, `${bodyStart}\n\n${deep}`);
    expect(said).toContain(`${lineOf('- niveau 9')}:1: error: lists are nested 9 deep here; at most 8 are allowed`);
  });

  it('refuses emphasis marks that never close, before Markdown reads them', () => {
    const started = performance.now();
    const { said } = seedWith('Materialet hjælper jer', `${'*a **b '.repeat(8000)}\n\nMaterialet hjælper jer`);
    expect(performance.now() - started).toBeLessThan(10_000); // the bound itself is measured by `npm run bench`
    expect(
      said.some((d) =>
        /error: this paragraph has \d+ `\*`, `_` or `\[` marks that open bold, italic or a link and are never closed/.test(d),
      ),
    ).toBe(true);
  });

  it('prints a word of 5,000 letters and refuses a longer one, whose breaking over lines grows with its square', () => {
    const fits = seedWith('Materialet hjælper jer', `Et ord: ${'a'.repeat(5000)}\n\nMaterialet hjælper jer`);
    expect(fits.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { said, lineOf } = seedWith('Materialet hjælper jer', `Et ord: ${'a'.repeat(900_000)}\n\nMaterialet hjælper jer`);
    expect(said).toContain(`${lineOf('Et ord:')}:9: error: a word of 900,000 characters without a space; at most 5,000 can be printed`);
  });

  it('caps the participant range at 200, as --participants', () => {
    const { said, lineOf } = seedWith('participants: "4-20"', 'participants: "4-9999"');
    expect(said).toContain(`${lineOf('participants:')}:15: error: \`participants\` goes up to 9999; at most 200 people are supported`);
  });

  it('caps flip-chart sheets at 100 and steps at 30', () => {
    const prompts = Array.from({ length: 120 }, (_, i) => `- Spørgsmål ${i + 1}?`).join('\n');
    const many = seedWith('- Hvad er svært?', `- Hvad er svært?\n${prompts}`);
    expect(many.said).toContain(`${many.lineOf('- Spørgsmål 98?')}:1: error: a topic has at most 100 flip-chart sheets; this is sheet 101`);
    const steps = Array.from({ length: 30 }, (_, i) => `## Trin ${i + 6} (1 min): Ekstra ${i + 6}\n\nTekst.\n`).join('\n');
    const long = seedWith('## Praktiske råd', `${steps}\n## Praktiske råd`);
    expect(long.said).toContain(`${long.lineOf('## Trin 31 ')}:4: error: a topic has at most 30 steps; this is one more`);
  });
});

describe("front-matter mistakes in the author's words, at the line of the mistake", () => {
  const TITLE = 'title: Forventningsafstemning om digital hjælp';
  const MEDIA = 'media: { kind: film, title: Sådan gør vi i borgerservice, url: "https://vpt.dk/film", minutes: 6 }';
  // [what, find, replace, marker of the reported line, expected `col: severity: message`]
  const cases: [string, string, string, string, string][] = [
    [
      'a colon in a value',
      TITLE,
      'title: Hjælp: MitID',
      'title:',
      '8: error: the value of `title` contains `: `, which YAML reads as the start of another key',
    ],
    ['no space after the colon', 'duration: "45-60"', 'duration:60', 'duration:', '10: error: `duration:` needs a space after the colon'],
    [
      'curly quotes',
      TITLE,
      'title: “Hjælp: x”',
      'title:',
      '8: error: this line has a curly quote “ (U+201C), which YAML does not read as a quote',
    ],
    [
      'a non-breaking space',
      TITLE,
      'title:\u00a0Hjælp',
      'title:',
      '7: error: this line has a non-breaking space (U+00A0), which YAML does not read as a space',
    ],
    ['a tab', MEDIA, 'media:\n\tkind: film', 'kind: film', '1: error: this line has a tab (U+0009), which YAML does not read as a space'],
    ['a quote never closed', TITLE, 'title: "Hjælp', 'title:', '8: error: the `"` here starts quoted text that is never closed with `"`'],
    [
      'a key given twice',
      'date: 2023-10-27',
      'date: 2023-10-27\ntitle: igen',
      'title: igen',
      '1: error: a key is given twice: `title` (first at line 2)',
    ],
    [
      'a line indented too far',
      MEDIA,
      'media:\n  kind: film\n   title: x',
      '   title: x',
      '1: error: this line is indented more than the line above it',
    ],
    ['a line without a key', TITLE, `${TITLE}\nnoget tekst uden kolon`, 'noget tekst', '1: error: this line is not a `key: value` line'],
    [
      'a date not in the calendar',
      'date: 2023-10-27',
      'date: 2024-02-30',
      'date:',
      '7: error: `date` "2024-02-30" is not a day in the calendar',
    ],
    [
      'a date out of range',
      'date: 2023-10-27',
      'date: 2100-01-01',
      'date:',
      '7: error: `date` "2100-01-01" is outside the supported range 1980-01-01 to 2099-12-31',
    ],
  ];
  it.each(cases)('%s', (_what, find, replace, marker, expected) => {
    const { said, lineOf, topic } = parseEdited(find, replace);
    expect(said[0], said.join('\n')).toBe(`${lineOf(marker)}:${expected}`);
    expect(topic).toBeUndefined();
  });
});

describe('one date rule for the CLI, the browser and the front matter', () => {
  it('refuses impossible and far dates and SOURCE_DATE_EPOCH outside the range', async () => {
    const { validateOptions } = await import('../../../src/core/settings/options.js');
    const messages = (options: Parameters<typeof validateOptions>[0]) => validateOptions(options).map((p) => p.message);
    expect(messages({ date: '2023-02-31' })).toEqual([
      '--date "2023-02-31" is not a day in the calendar; write YYYY-MM-DD, e.g. 2023-10-27',
    ]);
    expect(messages({ date: '2100-01-01' })[0]).toMatch(/outside the supported range 1980-01-01 to 2099-12-31/);
    expect(messages({ date: '2024-02-29', sourceDateEpoch: 1_700_000_000 })).toEqual([]);
    expect(messages({ sourceDateEpoch: 4_102_444_800 })[0]).toMatch(/^SOURCE_DATE_EPOCH must lie between 1980-01-01 and 2099-12-31/);
    expect(messages({ sourceDateEpoch: 1.5 })[0]).toMatch(/^SOURCE_DATE_EPOCH must be a whole number/);
  });

  it("is the rule of the page's form too", async () => {
    const { readForm } = await import('../../../src/browser/form.js');
    const labels = {
      working: '',
      done: '',
      failed: '',
      errors: { date: 'bad date', start: '', duration: '', participants: '', organisation: '', note: '', logo: '' },
    };
    for (const date of ['2023-02-31', '2100-01-01', '1979-12-31'])
      expect(readForm(new Map([['date', date]]), labels).errors).toEqual([{ field: 'date', message: 'bad date' }]);
    expect(readForm(new Map([['date', '2024-02-29']]), labels).options).toEqual({ date: '2024-02-29' });
  });
});

describe('headings that look identical are identical', () => {
  it('reads a non-breaking or doubled space in a known heading as a space', () => {
    const { said, topic } = parseEdited('### Til flipover', '### Til\u00a0 flipover');
    expect(said).toEqual([]);
    expect(topic!.steps[2]!.flipPrompts).toHaveLength(3);
  });
});
