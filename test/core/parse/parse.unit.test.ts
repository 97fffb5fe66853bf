import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayoutSet } from '../../../src/core/layouts/prepare-layouts.js';
import { parseTopic } from '../../../src/core/parse/parse-topic.js';
import { LAYOUT_PRODUCTS } from '../../../src/core/products/index.js';
import type { Diagnostic } from '../../../src/core/model.js';
import { loadFonts, loadLayouts } from '../../../src/node/load.js';
import { FIXTURES, source } from '../../helpers/build.js';

const seed = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');

function parse(text: string) {
  const result = parseTopic(source(text));
  return { ...result, said: result.diagnostics.map((d) => `${d.line}:${d.col}: ${d.severity}: ${d.message}`) };
}

/** The seed with one edit, and the 1-based line of `marker` in the result. */
function edited(find: string, replace: string): { text: string; line: (marker: string) => number } {
  if (!seed.includes(find)) throw new Error(`not in the seed: ${find}`);
  const text = seed.replace(find, replace);
  // The last line that is the marker, else the last that contains it.
  const lines = text.split('\n');
  const last = (match: (l: string) => boolean) => lines.length - [...lines].reverse().findIndex(match);
  return { text, line: (marker) => (lines.some((l) => l === marker) ? last((l) => l === marker) : last((l) => l.includes(marker))) };
}

describe('parseTopic: the contract, section by section', () => {
  it('reads a valid topic into the model', () => {
    const { topic, diagnostics } = parse(seed);
    expect(diagnostics).toEqual([]);
    expect(topic!.meta).toMatchObject({
      title: 'Forventningsafstemning om digital hjælp',
      slug: 'topic',
      language: 'da',
      duration: { min: 45, max: 60 },
      participants: { min: 4, max: 20 },
      flipover: { size: 'A3' },
      dotvote: { cards: 20, dots: 1 },
    });
    expect(topic!.steps.map((s) => [s.number, s.minutes, s.title])).toEqual([
      [1, 5, 'Rammesæt dilemmaet'],
      [2, 8, 'Indsaml pointer'],
      [3, 12, 'Refleksioner'],
      [4, 7, 'Find handlingsrum'],
      [5, 13, 'Opsamling og beslutning'],
    ]);
    expect(topic!.steps[2]!.flipPrompts.map((p) => p.spans.map((s) => s.text).join(''))).toEqual([
      'Hvilke erfaringer har vi med forventningsafstemning?',
      'Hvilke rammer og retningslinjer har vi?',
      'Hvad er svært?',
    ]);
    expect(topic!.steps[2]!.flipPrompts[0]!.details).toHaveLength(2);
    expect(topic!.steps[4]!.tips).toHaveLength(1);
    expect(topic!.preparation[0]!.spans[0]).toMatchObject({ text: 'Materialer:', bold: true });
  });

  it('accepts a byte-order mark and Windows line endings, with the same lines', () => {
    const { topic, diagnostics } = parse('\uFEFF' + seed.replace(/\n/g, '\r\n'));
    expect(diagnostics).toEqual([]);
    expect(topic!.steps.map((s) => s.line)).toEqual(parse(seed).topic!.steps.map((s) => s.line));
  });

  // [what, find, replace with, expected message, the line it must be on (default: the replacement's first line)]
  const cases: [string, string, string, RegExp, string?][] = [
    [
      'a misspelt section',
      '## Forberedelse',
      '## Forbredelse',
      /error: the section `## Forbredelse` is not known, and `## Forberedelse` is missing/,
    ],
    ['a section twice', '## Praktiske råd', '## Forberedelse', /error: the section `## Forberedelse` appears twice \(first at line \d+\)/],
    [
      'a step without a title',
      '## Trin 4 (7 min): Find handlingsrum',
      '## Trin 4 (7 min):',
      /error: (Trin 4 has no title|the step heading)/,
    ],
    [
      'a step with "(7)" instead of "(7 min)"',
      '## Trin 4 (7 min): Find handlingsrum',
      '## Trin 4 (7): Find handlingsrum',
      /error: the step heading is not in the form/,
    ],
    [
      'a flip-chart heading without a list',
      '- Hvilke erfaringer har vi med forventningsafstemning?\n  - Del kort jeres erfaringer\n  - Gode og mindre gode\n- Hvilke rammer og retningslinjer har vi?\n- Hvad er svært?',
      'Ingen liste her.',
      /error: `### Til flipover` must be followed by a list/,
    ],
    ['an empty flip-chart item', '- Hvad er svært?', '- ', /error: a flip-chart item is empty/, '- '],
    ['a misspelt subsection', '### Til flipover', '### Til flipovr', /warning: `### Til flipovr` is printed as an ordinary heading/],
    [
      'a guiding-questions section that is no list',
      '- Hvordan skaber vi en god forventningsafstemning med borgeren?\n- Hvad gør vi, når tiden er knap?',
      'Bare tekst.',
      /error: `## Tag afsæt i emnet` has no list/,
      '## Tag afsæt i emnet',
    ],
    [
      'text before the first section',
      '## Om emnet',
      'Løs tekst.\n\n## Om emnet',
      /warning: text before the first `##` section is not printed/,
    ],
    [
      'a table',
      'Et minuts stille brainstorm, derefter en lynrunde.',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      /warning: tables are not supported and are left out/,
    ],
    ['HTML', 'Et minuts stille brainstorm, derefter en lynrunde.', '<div>hej</div>', /warning: HTML is not printed/],
    [
      'a mailto link is fine, a file link is not',
      '[borger.dk](https://www.borger.dk)',
      '[fil](file:///etc/passwd)',
      /error: the link "file:\/\/\/etc\/passwd" is not an http, https or mailto address/,
    ],
    [
      'no steps at all',
      '## Trin 1 (5 min): Rammesæt dilemmaet',
      '## Ikke et trin',
      /error: (the topic has no steps|steps must be numbered)/,
    ],
    ['the legal background missing', '## Juridisk baggrund', '## Noter', /warning: the section `## Juridisk baggrund` is missing/],
    ['a key given twice', 'date: 2023-10-27', 'date: 2023-10-27\ndate: 2023-10-28', /error: a key is given twice/, 'date: 2023-10-28'],
    ['a bad language', 'date: 2023-10-27', 'date: 2023-10-27\nlanguage: de', /error: .*language/, 'language: de'],
    ['a bad date', 'date: 2023-10-27', 'date: 27-10-2023', /error: .*date/],
    ['a bad media url', 'url: "https://vpt.dk/film"', 'url: "javascript:alert(1)"', /error: `media.url` must be an http or https address/],
    [
      'dotvote out of range',
      'date: 2023-10-27',
      'date: 2023-10-27\ndotvote: { cards: 0 }',
      /error: `dotvote.cards` must be a whole number from 1 to 200/,
      'dotvote: { cards: 0 }',
    ],
    [
      'flipover size unknown',
      'date: 2023-10-27',
      'date: 2023-10-27\nflipover: { size: A0 }',
      /error: `flipover.size` must be A4, A3, A2 or A1, not "A0"/,
      'flipover: { size: A0 }',
    ],
  ];

  it.each(cases)('reports %s with its line', (_name, find, replace, expected, at) => {
    const { text, line } = edited(find, replace);
    const { said } = parse(text);
    const hit = said.find((d) => expected.test(d));
    expect(hit, said.join('\n')).toBeDefined();
    const marker = at ?? replace.split('\n').find((l) => l.trim() !== '') ?? replace;
    const reported = Number(hit!.split(':')[0]);
    // Errors sit on the edited line, or (for a missing section) where the body starts.
    if (!/is missing|no steps|numbered|must be followed/.test(hit!)) expect(reported).toBe(line(at ?? marker.trim()));
    else expect(reported).toBeGreaterThanOrEqual(1);
  });

  it('builds no topic when there is an error, and still returns one with only warnings', () => {
    expect(parse(edited('## Trin 2 (8 min)', '## Trin 2 (0 min)').text).topic).toBeUndefined();
    expect(parse(edited('## Juridisk baggrund', '## Noter').text).topic).toBeDefined();
  });
});

/** The layouts' diagnostics when the handout's settings open with `opening` (closed by a `---` line, or never). */
async function handoutOpenedWith(opening: string, closed: boolean): Promise<{ diagnostics: Diagnostic[]; file: string }> {
  const [templates, fonts] = await Promise.all([loadLayouts(), loadFonts()]);
  const handout = templates.layouts.find((l) => l.name === 'handout')!;
  const settingsEnd = handout.text.indexOf('\n---\n', 1);
  const text = `${opening}\n${closed ? handout.text.slice(4) : handout.text.slice(4, settingsEnd + 1)}`;
  const layoutSet = checkLayoutSet(
    {
      layouts: templates.layouts.map((l) => (l === handout ? { ...l, text } : l)),
      labels: templates.labels,
      fonts: Object.keys(fonts),
    },
    LAYOUT_PRODUCTS,
  );
  return { diagnostics: layoutSet.diagnostics, file: handout.path };
}

describe("front matter in JavaScript (gray-matter's `---js`)", () => {
  // [opening line, closed by a `---` line, column of the language's name]
  const openings: [string, boolean, number][] = [
    ['---js', true, 4],
    ['--- JavaScript ', false, 5],
  ];

  it.each(openings)('is refused by name in a topic opened with "%s", at its line and column', (opening, closed, col) => {
    const text = seed.replace(/^---\n/, `${opening}\n`);
    const { diagnostics, topic } = parse(closed ? text : text.slice(0, text.indexOf('\n---\n') + 1));
    expect(topic).toBeUndefined();
    // Closed, the body is checked as usual (this one is valid); unclosed, there is none to check.
    expect(diagnostics).toEqual([
      {
        file: 'content/topic.md',
        line: 1,
        col,
        severity: 'error',
        code: 'DK0116',
        params: expect.any(Object) as unknown,
        message: 'front matter in JavaScript is not supported',
        hint: `write it in YAML, between two lines that hold only \`---\` (the first without \`${opening.slice(3).trim()}\`)`,
      },
    ]);
  });

  it.each(openings)('is refused by name in a layout opened with "%s", at its line and column', async (opening, closed, col) => {
    const { diagnostics, file } = await handoutOpenedWith(opening, closed);
    expect(diagnostics).toEqual([
      {
        file,
        line: 1,
        col,
        severity: 'error',
        code: 'DK0116',
        params: expect.any(Object) as unknown,
        message: 'settings in JavaScript are not supported',
        hint: `write them in YAML, between two lines that hold only \`---\` (the first without \`${opening.slice(3).trim()}\`)`,
      },
    ]);
  });
});

describe('an opening line that names another language (`---json`, `---yaml`)', () => {
  // [opening line, message, hint]: gray-matter would read these with an engine of its own.
  const openings: [string, string, string][] = [
    [
      '---json',
      'front matter in JSON is not supported',
      'write it in YAML, between two lines that hold only `---` (the first without `json`)',
    ],
    [
      '---toml',
      'front matter in TOML is not supported',
      'write it in YAML, between two lines that hold only `---` (the first without `toml`)',
    ],
    [
      '---ini',
      'front matter in `ini` is not supported',
      'write it in YAML, between two lines that hold only `---` (the first without `ini`)',
    ],
    ['---yaml', 'the opening line of the front matter must hold only `---`', 'remove `yaml`: front matter is always YAML'],
    ['--- YML', 'the opening line of the front matter must hold only `---`', 'remove `YML`: front matter is always YAML'],
  ];

  it.each(openings)('says so for a topic opened with "%s"', (opening, message, hint) => {
    const { diagnostics, topic } = parse(seed.replace(/^---\n/, `${opening}\n`));
    expect(topic).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        file: 'content/topic.md',
        line: 1,
        col: opening.indexOf(opening.slice(3).trim()) + 1,
        severity: 'error',
        code: /ya?ml/i.test(opening) ? 'DK0115' : 'DK0116',
        params: expect.any(Object) as unknown,
        message,
        hint,
      },
    ]);
  });

  it('says so in a layout’s terms', async () => {
    const { diagnostics, file } = await handoutOpenedWith('---yaml', true);
    expect(diagnostics).toEqual([
      {
        file,
        line: 1,
        col: 4,
        severity: 'error',
        code: 'DK0115',
        params: { name: 'yaml', noun: 'settings' },
        message: 'the opening line of the settings must hold only `---`',
        hint: 'remove `yaml`: settings are always YAML',
      },
    ]);
  });

  it('leaves an opening line with more than a name to "no front matter"', () => {
    const { diagnostics } = parse(seed.replace(/^---\n/, '---json please\n'));
    expect(diagnostics.map((d) => d.message)).toEqual(['the file has no front matter']);
  });
});
