import { describe, expect, it } from 'vitest';
import { parseTopic } from '../../../src/core/parse/parse-topic.js';
import { checkAll } from '../../../src/core/build/build.js';
import { builtFixture, fileOf, fixture, source } from '../../helpers/build.js';
import { flat, readPdf, readStructure, unmarkedPaint, type StructElement } from '../../helpers/pdf.js';

/** A case topic of the series (a copy of content/, test/fixtures/content/). */
const HARDWARE = 'content/hardware-og-udstyr.md';
const hardware = () => fixture(HARDWARE);

function walk(element: StructElement): StructElement[] {
  return [element, ...element.children.flatMap(walk)];
}

describe('## Case: the case text itself', () => {
  it('is a known section, parsed into the topic, not an extra one', async () => {
    const { topic, diagnostics } = parseTopic(await hardware());
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(topic!.case.length).toBeGreaterThan(3);
    expect(topic!.extras.map((e) => e.title)).not.toContain('Case');
  });

  it('is printed on the handout, boxed, before the reflection questions, and tagged', async () => {
    const result = await builtFixture(HARDWARE);
    const pdf = await readPdf(fileOf(result, 'handout.pdf'));
    const text = flat(pdf.text);
    const caseAt = text.indexOf('Casen Ellen og den nye telefon.');
    expect(caseAt).toBeGreaterThan(0);
    expect(text).toContain('Så gør I det bare for mig.');
    expect(caseAt).toBeLessThan(text.indexOf('Spørgsmål til refleksion'));
    const pages = await readStructure(pdf.doc);
    for (const [i, page] of pages.entries()) {
      expect(page.untaggedText).toBe('');
      expect(await unmarkedPaint(pdf.doc, i + 1)).toEqual([]);
    }
    const headings = pages
      .flatMap((p) => (p.tree ? walk(p.tree) : []))
      .filter((e) => e.role === 'H2')
      .map((e) => flat(e.text));
    expect(headings).toContain('Casen');
    expect(result.topics[0]!.files.find((f) => f.path.endsWith('handout.pdf'))!.conformance).toEqual(['PDF/UA-1', 'PDF/A-2b']);
  });

  it('is on the phone edition too, as its own section before the reflection questions', async () => {
    const result = await builtFixture(HARDWARE);
    const html = new TextDecoder().decode(fileOf(result, 'index.html'));
    const caseAt = html.indexOf('<h2 id="case">Casen</h2>');
    expect(caseAt).toBeGreaterThan(0);
    expect(html.indexOf('Så gør I det bare for mig.')).toBeGreaterThan(caseAt);
    expect(caseAt).toBeLessThan(html.indexOf('<h2 id="reflection">'));
  });

  it('is referred to in the guide, in the step that presents it', async () => {
    const result = await builtFixture(HARDWARE);
    const text = flat((await readPdf(fileOf(result, 'drejebog.pdf'))).text);
    expect(text).toMatch(/Trin 1 · Rammesæt emnet med casen .{0,20}Casen står i deltagerarket, så alle kan læse med\./);
  });

  it('warns a case topic without one', async () => {
    const text = new TextDecoder().decode((await hardware()).bytes).replace(/## Case[\s\S]*?(?=## Trin 1)/, '');
    const { diagnostics } = checkAll([source(text, 'content/hardware-og-udstyr.md')]);
    const warning = diagnostics.find((d) => d.message.includes('no `## Case` section'));
    expect(warning?.severity).toBe('warning');
    expect(warning?.hint).toBe('add `## Case` with the case text');
  });
});
