import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAll } from '../../../src/core/build/check-inputs.js';
import { diagnostic, formatDiagnostic, formatText } from '../../../src/core/messages/index.js';
import { ADAPT_MESSAGES } from '../../../src/core/messages/adapt.js';
import { BODY_MESSAGES } from '../../../src/core/messages/body.js';
import { CHECK_MESSAGES } from '../../../src/core/messages/checks.js';
import { codeTable } from '../../../src/core/messages/code-table.js';
import { FILE_MESSAGES } from '../../../src/core/messages/files.js';
import { FRONT_MATTER_MESSAGES } from '../../../src/core/messages/front-matter.js';
import { MESSAGES, type Code } from '../../../src/core/messages/index.js';
import { LAYOUT_MESSAGES } from '../../../src/core/messages/layouts.js';
import { sampleText } from '../../../src/core/messages/sample.js';
import { FIXTURES } from '../../helpers/build.js';

const CODES = Object.keys(MESSAGES) as Code[];
const GROUPS = [FILE_MESSAGES, FRONT_MATTER_MESSAGES, BODY_MESSAGES, CHECK_MESSAGES, ADAPT_MESSAGES, LAYOUT_MESSAGES];

describe('the message table', () => {
  it('has a stable code per diagnostic, DK and four digits, each in the group its number names, none given twice', () => {
    expect(CODES.length).toBeGreaterThan(150);
    for (const code of CODES) expect(code).toMatch(/^DK\d{4}$/);
    // Joining the groups with `...` would let a later group silently take an earlier group's code.
    expect(GROUPS.reduce((sum, group) => sum + Object.keys(group).length, 0)).toBe(CODES.length);
    GROUPS.forEach((group, index) => {
      for (const code of Object.keys(group)) expect(code.slice(2, 4), code).toBe(String(index).padStart(2, '0'));
    });
  });

  it.each(CODES)('%s has a non-empty English and Danish message, a hint in both or neither, from the same parameters', (code) => {
    const en = sampleText(code, 'en');
    const da = sampleText(code, 'da');
    expect(en.message.trim(), 'English').not.toBe('');
    expect(da.message.trim(), 'Danish').not.toBe('');
    expect(da.hint === undefined, 'a hint in one language only').toBe(en.hint === undefined);
    if (en.hint !== undefined) expect(en.hint.trim()).not.toBe('');
    if (da.hint !== undefined) expect(da.hint.trim()).not.toBe('');
    expect(da.used, 'the parameters each language uses').toEqual(en.used);
    for (const text of [en.message, en.hint, da.message, da.hint]) expect(text ?? '').not.toMatch(/undefined|NaN|\[object/);
    expect(['error', 'warning']).toContain(MESSAGES[code].severity);
  });

  it('is the table docs/diagnostics.md lists (npx tsx scripts/diagnostics-doc.ts writes it)', async () => {
    const page = await readFile(new URL('../../../docs/diagnostics.md', import.meta.url), 'utf8');
    expect(page).toContain(codeTable());
  });
});

describe('a diagnostic', () => {
  it('takes its severity and English text from its code, and its Danish text at the edge', () => {
    const d = diagnostic('DK0205', { heading: 'Forbredelse', guess: 'Forberedelse' }, 'content/emne.md', 26, 4);
    expect(d).toMatchObject({ severity: 'warning', code: 'DK0205', params: { heading: 'Forbredelse', guess: 'Forberedelse' } });
    expect(formatDiagnostic(d)).toBe(
      'content/emne.md:26:4: warning: unknown section `## Forbredelse` is printed as it stands\n  hint: did you mean `## Forberedelse`?',
    );
    expect(formatDiagnostic(d, 'da')).toBe(
      'content/emne.md:26:4: warning: afsnittet `## Forbredelse` kendes ikke og udskrives, som det står\n  tip: mente du `## Forberedelse`?',
    );
  });

  it('of every bad topic in the corpus has a code, and its English text is the table’s', async () => {
    const bad = join(FIXTURES, 'bad');
    const names = (await readdir(bad)).filter((n) => n.endsWith('.md'));
    const sources = await Promise.all(
      names.map(async (n) => ({ path: `content/${n}`, bytes: new Uint8Array(await readFile(join(bad, n))) })),
    );
    const { diagnostics } = checkAll(sources);
    expect(diagnostics.length).toBeGreaterThanOrEqual(names.length);
    for (const d of diagnostics) {
      expect(Object.hasOwn(MESSAGES, d.code), d.message).toBe(true);
      expect(formatText(d, 'en')).toEqual({ message: d.message, ...(d.hint !== undefined && { hint: d.hint }) });
      expect(formatText(d, 'da').message).not.toBe(d.message);
    }
  });
});
