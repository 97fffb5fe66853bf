import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtFixture, fileOf } from '../../helpers/build.js';
import { tempDir } from '../../helpers/temp.js';

const run = promisify(execFile);
const WORD_FILES = ['drejebog.docx', 'handout.docx', 'aftaleark.docx'];
/** Every option the Word copies print: the agreement sheet's fields, the guide's clock and note. */
const OPTIONS = { organisation: 'Testrup Council', date: '2027-01-15', start: '13:00', participants: 7, note: 'Meet in room 2.' };

/**
 * The Danish label texts that differ from their English counterparts, cut at their `{placeholders}`
 * into the fragments that would be printed as they are (four characters or more, with a letter).
 */
async function danishOnlyLabels(): Promise<string[]> {
  const labels = parse(await readFile(new URL('../../../templates/labels.yml', import.meta.url), 'utf8')) as Record<'da' | 'en', unknown>;
  const fragments = new Set<string>();
  const walk = (da: unknown, en: unknown) => {
    if (typeof da === 'string') {
      if (da === en) return;
      for (const part of da.split(/\{[^}]*\}/)) {
        const fragment = part.trim().replace(/^[\s:·,.–-]+|[\s:·,.–-]+$/g, '');
        if (fragment.length >= 4 && /\p{L}/u.test(fragment) && !(typeof en === 'string' && en.includes(fragment))) fragments.add(fragment);
      }
    } else if (da && typeof da === 'object') {
      for (const [key, value] of Object.entries(da)) walk(value, (en as Record<string, unknown> | undefined)?.[key]);
    }
  };
  walk(labels.da, labels.en);
  return [...fragments];
}

/** The text Word shows: the body, the headers and footers, and the title in the properties. */
function shownText(docx: Uint8Array): string {
  const parts = unzipSync(docx);
  return Object.entries(parts)
    .filter(([name]) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name) || name === 'docProps/core.xml')
    .map(([, bytes]) => {
      const xml = strFromU8(bytes);
      const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
      const title = /<dc:title>([^<]*)<\/dc:title>/.exec(xml)?.[1];
      return [...runs, ...(title ? [title] : [])].join(' ');
    })
    .join('\n');
}

describe('the Word copies of an English topic', () => {
  it('are in British English: the language en-GB, English labels, no Danish label word, and pandoc reads them', async () => {
    const result = await builtFixture('english/english.md', { ...OPTIONS, sourceDateEpoch: 1_700_000_000 });
    expect(result.topics[0]!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const danish = await danishOnlyLabels();
    // The list is the real thing: the words the Danish copies print, among them the agreement sheet's.
    expect(danish).toEqual(expect.arrayContaining(['Aftale og referat', 'Deltagere', 'Idéer og prikker', 'Trin']));
    const dir = await tempDir();
    for (const name of WORD_FILES) {
      const docx = fileOf(result, name);
      const parts = unzipSync(docx);
      const styles = strFromU8(parts['word/styles.xml']!);
      const document = strFromU8(parts['word/document.xml']!);
      // The language every run is spell-checked in: the document default, and no run set to Danish.
      expect(styles, name).toMatch(/<w:rPrDefault>[\s\S]*<w:lang w:val="en-GB"/);
      expect(`${styles}${document}`, name).not.toMatch(/w:val="da-DK"|w:eastAsia="da-DK"|w:bidi="da-DK"/);
      const text = shownText(docx);
      const found = danish.filter((fragment) => new RegExp(`(?<![\\p{L}])${escape(fragment)}(?![\\p{L}])`, 'u').test(text));
      expect(found, name).toEqual([]);
      const path = join(dir, name);
      await writeFile(path, docx);
      const { stdout, stderr } = await run('pandoc', ['-f', 'docx', '-t', 'plain', path]);
      expect(stderr, name).toBe('');
      expect(stdout, name).toContain('Setting expectations for digital help');
    }
    // The English labels are there, where the Danish ones would be.
    const agreement = shownText(fileOf(result, 'aftaleark.docx'));
    for (const label of ['Agreement and minutes', 'Participants', 'Ideas and dots', 'What we agreed']) expect(agreement).toContain(label);
    expect(shownText(fileOf(result, 'drejebog.docx'))).toMatch(/Step 1\b/);
  }, 120_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
