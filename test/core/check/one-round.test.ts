import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../helpers/build.js';
import { cli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';

/** Seven mistakes of several kinds, planted in a valid topic: each [line to change, new text, line, code]. */
const MISTAKES: [string, string, number, string][] = [
  ['title: Forventningsafstemning om digital hjælp', 'title: Forventningsafstemning: om digital hjælp', 2, 'DK0103'],
  ['publisher: Fremfærd Borger', 'publsher: Fremfærd Borger', 4, 'DK0130'],
  ['## Forberedelse', '## Forbredelse', 20, 'DK0211'],
  ['- Bed deltagerne notere det, de hæfter sig ved.', '-Hvem noterer?', 32, 'DK0250'],
  ['Bed deltagerne tale sammen to og to om en eller to pointer fra filmen.', '###', 43, 'DK0230'],
  ['## Trin 5 (13 min): Opsamling og beslutning', '## Trin 5 (30 min): Opsamling og beslutning', 26, 'DK0303'],
  ['[borger.dk](https://www.borger.dk)', '[borger.dk](htps//www.borger.dk)', 70, 'DK0239'],
];

async function plantedTopic(): Promise<string> {
  let text = await readFile(join(FIXTURES, 'valid', 'minimal.md'), 'utf8');
  for (const [from, to] of MISTAKES) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  const content = await tempDir();
  await writeFile(join(content, 'emne.md'), text);
  return content;
}

describe('check reports all it can in one run', () => {
  it('finds seven planted mistakes of several kinds, a YAML error among them, each at its own line', async () => {
    const content = await plantedTopic();
    const run = await cli(['check', '--content', content, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: { line: number; code: string; message: string }[] };
    const found = report.diagnostics.map((d) => [d.line, d.code]).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(found, JSON.stringify(report.diagnostics, null, 1)).toEqual(
      MISTAKES.map(([, , line, code]) => [line, code]).sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });

  it('says the misspelt section once, at its heading, with the name it should have', async () => {
    const content = await plantedTopic();
    const run = await cli(['check', '--content', content]);
    const file = join(content, 'emne.md');
    expect(run.stderr).toContain(
      `${file}:20:4: error: the section \`## Forbredelse\` is not known, and \`## Forberedelse\` is missing\n  hint: did you mean \`## Forberedelse\`?`,
    );
    expect(run.stderr).not.toMatch(/`## Forberedelse` is missing\n {2}hint: add it/);
  });

  it('says it all in Danish with --lang da, or when LANG is Danish', async () => {
    const content = await plantedTopic();
    const file = join(content, 'emne.md');
    for (const [args, env] of [
      [['--lang', 'da'], {}],
      [[], { LANG: 'da_DK.UTF-8' }],
      [[], { LC_ALL: 'da_DK.UTF-8', LANG: 'en_GB.UTF-8' }],
    ] as const) {
      const run = await cli(['check', '--content', content, ...args], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `${file}:20:4: error: afsnittet \`## Forbredelse\` kendes ikke, og \`## Forberedelse\` mangler\n  tip: mente du \`## Forberedelse\`?`,
      );
      expect(run.stderr).toContain(`${file}:4:1: error: nøglen \`publsher\` kendes ikke\n  tip: mente du \`publisher\`?`);
      expect(run.stderr).toContain(`${file}:26:1: warning: trinnene varer tilsammen 62 minutter, men \`duration\` lover 45–60 minutter`);
      expect(run.stderr).not.toMatch(/did you mean|is missing|unknown key/);
    }
    // English is the default, and an English locale or --lang en wins over nothing.
    for (const [args, env] of [
      [[], {}],
      [[], { LC_MESSAGES: 'en_US.UTF-8', LANG: 'da_DK.UTF-8' }],
      [['--lang', 'en'], { LANG: 'da_DK.UTF-8' }],
    ] as const) {
      const run = await cli(['check', '--content', content, ...args], env);
      expect(run.stderr).toContain(`${file}:4:1: error: unknown key \`publsher\`\n  hint: did you mean \`publisher\`?`);
    }
    const wrong = await cli(['check', '--content', content, '--lang', 'de']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--lang must be da or en, not "de"');
  });

  it('writes the Danish text and the code of each diagnostic as JSON', async () => {
    const content = await plantedTopic();
    const run = await cli(['check', '--content', content, '--format', 'json', '--lang', 'da']);
    const report = JSON.parse(run.stdout) as { diagnostics: Record<string, unknown>[] };
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({
        line: 43,
        severity: 'warning',
        code: 'DK0230',
        message: 'overskriften har ingen tekst og udelades',
        hint: 'skriv overskriftens ord efter `#`-tegnene, eller slet linjen',
      }),
    );
  });
});
