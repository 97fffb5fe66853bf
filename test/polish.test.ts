import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { notesFor } from '../src/core/products/handout.js';
import { formatClock } from '../src/core/options.js';
import { buildSources, fileOf, fixture, source } from './helpers/build.js';
import { flat, readPdf } from './helpers/pdf.js';

describe('print polish', () => {
  it('writes Danish clock times with a full stop, English with a colon', () => {
    expect(formatClock(13 * 60, 'da')).toBe('13.00');
    expect(formatClock(9 * 60 + 5, 'en')).toBe('09:05');
  });

  it('makes the vote card agree with the number of dots', async () => {
    const one = flat((await readPdf(fileOf(await buildSources([await fixture('valid/minimal.md')]), 'prikkort.pdf'))).pages[0]!.text);
    expect(one).toContain('Sæt din prik ved det idéforslag');
    expect(one).not.toContain('flere');
    const text = (await readFile('test/fixtures/valid/minimal.md', 'utf8')).replace(
      /^participants:.*$/m,
      (line) => `${line}\ndotvote: { dots: 3 }`,
    );
    const three = flat((await readPdf(fileOf(await buildSources([source(text)]), 'prikkort.pdf'))).pages[0]!.text);
    expect(three).toContain('Hver deltager har 3 prikker');
    expect(three).toContain('Sæt dine 3 prikker ved de idéforslag');
    expect(three).toContain('Du må gerne sætte flere af dem på samme forslag.');
  });

  it('gives a reflection question more note lines when its step gives it more time', () => {
    expect(notesFor(12, 3, 3)).toBe(3);
    expect(notesFor(9, 1, 3)).toBe(5);
    expect(notesFor(40, 1, 3)).toBe(8);
  });
});
