import { LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/model.js';
import { readSettings, type Schema } from '../../../src/core/settings/read-settings.js';

/** A layout-like schema, to show the reader is not tied to topics. */
const PAGE: Schema = {
  size: { kind: 'choice', values: ['A4', 'A5'], required: true },
  fontsize: { kind: 'integer', min: 6, max: 30 },
  margin: { kind: 'map', example: '`margin: { top: 40 }`', fields: { top: { kind: 'integer', min: 0, max: 200 } } },
};

function read(yaml: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter });
  const diagnostics: Diagnostic[] = [];
  const settings = readSettings(doc.contents as YAMLMap, PAGE, { file: 'templates/page.hbs', lineCounter, lineOffset: 1, diagnostics });
  return { settings, said: diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`) };
}

describe('readSettings: one reader for any YAML settings table', () => {
  it('reads typed values, nested maps included', () => {
    const { settings, said } = read('size: A5\nfontsize: 11\nmargin:\n  top: 40\n');
    expect(said).toEqual([]);
    expect(settings.values.get('size')).toBe('A5');
    expect((settings.values.get('margin') as { values: Map<string, unknown> }).values.get('top')).toBe(40);
  });

  it('names misspelt, mistyped, out-of-range and missing keys at their line, with did-you-mean', () => {
    const { said } = read('fontsiz: 11\nmargin:\n  tpo: 4\n  top: 900\n');
    expect(said).toEqual([
      'templates/page.hbs:2:1: unknown key `fontsiz` (did you mean `fontsize`?)',
      'templates/page.hbs:2:1: `size` is missing (add a line `size: …`)',
      'templates/page.hbs:4:3: unknown key `tpo` in `margin` (did you mean `top`?)',
      'templates/page.hbs:5:8: `margin.top` must be a whole number from 0 to 200',
    ]);
  });

  it('names a value that is not allowed', () => {
    expect(read('size: A3\n').said).toEqual(['templates/page.hbs:2:7: `size` must be A4 or A5, not "A3"']);
  });
});
