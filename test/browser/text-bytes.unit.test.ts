import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openBytes, textBytes } from '../../src/browser/editor/text-bytes.js';

describe('the editor’s text and the file’s bytes', () => {
  it('gives the file’s own bytes back for a text left unchanged: BOM, CRLF, NFD, trailing spaces', () => {
    const files = [
      '\ufeff---\r\ntitle: "Ærø"\r\n---\r\n\r\nTekst  \r\n',
      '---\ntitle: "Børn"\n---\n'.normalize('NFD'),
      'mixed\r\nbreaks\nand\ra lone cr\t \n',
      '',
    ];
    for (const file of files) {
      const bytes = new TextEncoder().encode(file);
      const opened = openBytes(bytes)!;
      expect(Buffer.from(textBytes(opened.text, opened.bom)).equals(Buffer.from(bytes))).toBe(true);
    }
    expect(openBytes(new TextEncoder().encode('a\r\nb\r\n'))!.lineBreak).toBe('\r\n');
    expect(openBytes(new TextEncoder().encode('a\r\nb\n'))!.lineBreak).toBe('\n');
    expect(openBytes(new TextEncoder().encode('\ufeffa'))!).toEqual({ text: 'a', bom: true, lineBreak: '\n' });
  });

  it('round-trips any UTF-8 text byte for byte', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (text, bom) => {
        const bytes = textBytes(text, bom);
        const opened = openBytes(bytes)!;
        expect(Buffer.from(textBytes(opened.text, opened.bom)).equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it('refuses bytes that are not UTF-8, which the editor would change', () => {
    expect(openBytes(new Uint8Array([0x42, 0xf8, 0x72, 0x6e]))).toBeUndefined();
  });
});
