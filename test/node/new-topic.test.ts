import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { source } from '../helpers/build.js';
import { tempDir } from '../helpers/temp.js';
import { checkAll } from '../../src/core/build/build.js';

interface Reported {
  line: number;
  severity: string;
  message: string;
}

async function checkJson(content: string): Promise<{ code: number; diagnostics: Reported[] }> {
  const run = await cli(['check', '--format', 'json', '--content', content]);
  return { code: run.code, diagnostics: (JSON.parse(run.stdout) as { diagnostics: Reported[] }).diagnostics };
}

/** The 1-based numbers of the lines holding `marker` outside `<!-- … -->` comments. */
function markerLines(text: string, marker: string): number[] {
  return text
    .split('\n')
    .map((line, i) => (line.replace(/<!--.*?-->/g, '').includes(marker) ? i + 1 : 0))
    .filter((n) => n > 0);
}

describe('dialogkit new', () => {
  it('writes a Danish skeleton that checks with only "write this" warnings, one per placeholder line', async () => {
    const content = join(await tempDir('dialogkit-new-'), 'content');
    const made = await cli(['new', 'hjaelp-til-apps', '--title', 'Hjælp til apps', '--content', content]);
    expect(made.code, made.stderr).toBe(0);
    const text = await readFile(join(content, 'hjaelp-til-apps.md'), 'utf8');
    expect(text).toContain('title: "Hjælp til apps"');

    const checked = await checkJson(content);
    expect(checked.code).toBe(0);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const expected = markerLines(text, 'SKRIV:');
    expect(expected.length).toBeGreaterThan(10);
    expect(checked.diagnostics.map(({ line, severity, message }) => ({ line, severity, message }))).toEqual(
      expected.map((line) => ({ line, severity: 'warning', message: '"SKRIV:" marks a text still to be written' })),
    );

    // Every section of the format, in order, each with a comment saying what belongs there.
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    expect(headings.map((h) => h.replace(/^## Trin (\d).*/, 'Trin $1'))).toEqual([
      '## Om emnet',
      '## Tag afsæt i emnet',
      '## Forberedelse',
      'Trin 1',
      'Trin 2',
      'Trin 3',
      'Trin 4',
      'Trin 5',
      '## Praktiske råd',
      '## Juridisk baggrund',
    ]);
    expect(text.split('\n').filter((l) => /^<!-- .+ -->$/.test(l))).toHaveLength(headings.length);
  });

  it('never overwrites: a second `new` says so in one line, exits 2 and leaves the file byte for byte', async () => {
    const content = join(await tempDir('dialogkit-new-'), 'content');
    expect((await cli(['new', 'emne', '--content', content])).code).toBe(0);
    const path = join(content, 'emne.md');
    const edited = (await readFile(path, 'utf8')).replace('SKRIV: hvad emnet handler om.', 'Mit eget afsnit.\r\n');
    await import('node:fs/promises').then((fs) => fs.writeFile(path, edited));
    const again = await cli(['new', 'emne', '--title', 'Andet', '--content', content]);
    expect(again.code).toBe(2);
    expect(again.stderr.split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/emne\.md is already there; it was left as it is/);
    expect(await readFile(path, 'utf8')).toBe(edited);
  });

  it('refuses a slug that is no topic slug', async () => {
    const content = join(await tempDir('dialogkit-new-'), 'content');
    const run = await cli(['new', 'Min_Emne', '--content', content]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"Min_Emne" is no slug/);
  });

  it('writes an English skeleton for --language en', async () => {
    const content = join(await tempDir('dialogkit-new-'), 'content');
    expect((await cli(['new', 'apps', '--language', 'en', '--content', content])).code).toBe(0);
    const text = await readFile(join(content, 'apps.md'), 'utf8');
    const { topics, diagnostics } = checkAll([source(text, 'content/apps.md')]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(topics[0]!.meta.language).toBe('en');
    expect(diagnostics.map((d) => d.line)).toEqual(markerLines(text, 'WRITE:'));
    expect(text).toContain('## Legal background');
    expect(text).not.toContain('SKRIV:');
  });
});

describe('author comments', () => {
  const topic = (extra: string) =>
    checkAll([source(`---\ntitle: T\nseries: S\npublisher: P\ndate: 2024-01-01\n---\n\n## Om emnet\n\n${extra}\n\nTekst.\n`)]).diagnostics;
  it('a block that is only `<!-- … -->` is not warned about; HTML beside it still is', () => {
    expect(topic('<!-- en note til forfatteren -->').filter((d) => d.message.includes('HTML'))).toEqual([]);
    expect(topic('<!-- note --> <b>fed</b>').filter((d) => d.message.includes('HTML'))).toHaveLength(1);
  });
});
