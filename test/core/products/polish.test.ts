import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { notesFor } from '../../../src/core/products/handout.js';
import { formatClock } from '../../../src/core/settings/options.js';
import { buildProducts, builtFixture, fileOf, source } from '../../helpers/build.js';
import { flat, readPdf } from '../../helpers/pdf.js';

describe('print polish', () => {
  it('writes Danish clock times with a full stop, English with a colon', () => {
    expect(formatClock(13 * 60, 'da')).toBe('13.00');
    expect(formatClock(9 * 60 + 5, 'en')).toBe('09:05');
  });

  it('makes the vote card agree with the number of dots', async () => {
    const one = flat((await readPdf(fileOf(await builtFixture('valid/minimal.md'), 'prikkort.pdf'))).pages[0]!.text);
    expect(one).toContain('Sæt din prik ved det idéforslag');
    expect(one).not.toContain('flere');
    const text = (await readFile('test/fixtures/valid/minimal.md', 'utf8')).replace(
      /^participants:.*$/m,
      (line) => `${line}\ndotvote: { dots: 3 }`,
    );
    const three = flat((await readPdf(fileOf(await buildProducts([source(text)], ['prikkort']), 'prikkort.pdf'))).pages[0]!.text);
    expect(three).toContain('Hver deltager har 3 prikker');
    expect(three).toContain('Sæt dine 3 prikker ved de idéforslag');
    expect(three).toContain('Du må gerne sætte flere af dem på samme forslag.');
  });

  it('never starts a page with a tip cut off from its step', { timeout: 120_000 }, async () => {
    const seed = await readFile('test/fixtures/valid/minimal.md', 'utf8');
    const filler = (n: number) =>
      Array.from({ length: n }, (_, i) => `Afsnit ${i + 1} om at forberede dialogen grundigt og roligt.`).join('\n\n');
    let nearTheFoot = 0;
    // Step 1 grows a paragraph at a time, so its tip lands at every height, the foot of a page too.
    for (let n = 18; n <= 34; n += 2) {
      const text = seed.replace('### Dialogspørgsmål', `${filler(n)}\n\n### Dialogspørgsmål`);
      const pages = (await readPdf(fileOf(await buildProducts([source(text)], ['drejebog']), 'drejebog.pdf'))).pages.map((p) =>
        flat(p.text),
      );
      const tipPage = pages.findIndex((t) => t.includes('Deltagerne kan se filmen'));
      const questionsPage = pages.findIndex((t) => t.includes('Hjælper vi også med private apps?'));
      expect(tipPage, `with ${n} paragraphs`).toBe(questionsPage);
      if (pages[tipPage - 1]?.includes(`Afsnit ${n} om`)) nearTheFoot++;
    }
    // At least one size put the step's text on the page before: the rule had something to do.
    expect(nearTheFoot).toBeGreaterThan(0);
  });

  it('gives a reflection question more note lines when its step gives it more time', () => {
    expect(notesFor(12, 3, 3)).toBe(3);
    expect(notesFor(9, 1, 3)).toBe(5);
    expect(notesFor(40, 1, 3)).toBe(8);
  });
});
