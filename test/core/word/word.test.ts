import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync, unzlibSync } from 'fflate';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildSources, contentTopics, fileOf } from '../../helpers/build.js';
import { tempDir } from '../../helpers/temp.js';
import type { BuildOptions } from '../../../src/core/settings/options.js';
import { qrPng } from '../../../src/core/word/qr-png.js';

const run = promisify(execFile);
// jsQR ships a UMD bundle whose CommonJS export carries the function as `default` (as test/helpers/qr.ts reads it).
const jsQR = (createRequire(import.meta.url)('jsqr') as { default: typeof import('jsqr').default }).default;

const ADAPTED = `topic: private-it-loesninger
media: before
steps:
  2: { minutes: 10, note: "Brug vores egen sag fra sidste uge" }
  3:
    questions: ["Hvad gør vi i Testrup, når borgeren sidder fast?"]
  4: { skip: true }
`;

async function privateIt(options: BuildOptions = {}) {
  const topic = (await contentTopics()).find((t) => t.path.endsWith('/private-it-loesninger.md'))!;
  return buildSources([topic], { sourceDateEpoch: 1_700_000_000, ...options });
}

/** The document's paragraphs in order: their style, their text, and their list reference. */
function paragraphs(xml: string) {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    numId: /<w:numId w:val="(\d+)"/.exec(p)?.[1] ?? null,
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  }));
}

const unzip = (bytes: Uint8Array) => unzipSync(bytes);
const part = (bytes: Uint8Array, name: string) => strFromU8(unzip(bytes)[name]!);

describe('the Word copies', () => {
  it('carry every step, question and prompt of the adapted guide, as headings and Word lists, in Danish', async () => {
    const result = await privateIt({ adapt: [{ path: 'tilpasning.yml', text: ADAPTED }] });
    const docx = fileOf(result, 'drejebog.docx');
    const document = part(docx, 'word/document.xml');
    const paras = paragraphs(document);
    const headings = paras.filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style}: ${p.text}`);
    expect(headings.filter((h) => h.startsWith('Heading1'))).toEqual([
      'Heading1: Om emnet',
      'Heading1: Overblik over dialogen',
      'Heading1: Tag afsæt i emnet',
      'Heading1: Forberedelse',
      'Heading1: Trin 1 · Rammesæt emnet og dilemmaerne',
      'Heading1: Trin 2 · Indsaml pointer',
      'Heading1: Trin 3 · Reflektér over egen praksis',
      'Heading1: Trin 4 · Saml op og beslut',
      'Heading1: Praktiske råd',
    ]);
    expect(paras.find((p) => p.style === 'Title')!.text).toBe('Hjælp til borgere med private it-løsninger');
    const text = paras.map((p) => p.text).join('\n');
    expect(text).not.toContain('Find mulige handlingsrum');
    expect(text).toContain('Lokal note: Brug vores egen sag fra sidste uge');
    expect(text).toContain('Set på forhånd: Deltagerne har set filmen før mødet');
    // Every dialogue question and prompt of the adapted topic, each a paragraph in a Word list.
    const listed = paras.filter((p) => p.numId !== null).map((p) => p.text);
    for (const line of [
      'Hvordan giver vi borgeren et brugbart overblik over, hvor der er hjælp at hente til private løsninger?',
      'Hvad gør vi i Testrup, når borgeren sidder fast?',
      'Hvilke erfaringer har vi med at hjælpe borgere med private it-løsninger?',
      'Del kort jeres erfaringer med hinanden',
      'Hvad gør det svært at hjælpe borgere med private it-løsninger?',
    ])
      expect(listed).toContain(line);
    // Bulleted and numbered lists are Word's own numbering definitions.
    const numbering = part(docx, 'word/numbering.xml');
    expect(numbering).toContain('w:numFmt w:val="bullet"');
    expect(numbering).toContain('w:numFmt w:val="decimal"');
    // The overview is a table with every step and the total; the preparation list has tick boxes.
    expect(document).toMatch(/<w:tbl>[\s\S]*Saml op og beslut[\s\S]*I alt[\s\S]*38[\s\S]*<\/w:tbl>/);
    expect(document.match(/<w14:checkbox>/g)).toHaveLength(7);
    // Language, font with fallbacks, title and author.
    const styles = part(docx, 'word/styles.xml');
    expect(styles).toContain('<w:lang w:val="da-DK"/>');
    expect(styles).toContain('w:ascii="Atkinson Hyperlegible"');
    expect(part(docx, 'word/fontTable.xml')).toContain('<w:font w:name="Atkinson Hyperlegible"><w:altName w:val="Verdana, Arial"/>');
    const core = part(docx, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Hjælp til borgere med private it-løsninger – Drejebog</dc:title>');
    expect(core).toContain('<dc:creator>Fremfærd Borger, KL og HK Kommunal</dc:creator>');
    expect(core).toContain('<dc:language>da-DK</dc:language>');
    expect(core).toContain('2023-11-14T22:13:20Z');
  }, 120_000);

  it("holds the film's QR code as an image with alt text that reads back to its address", async () => {
    const result = await privateIt();
    const docx = fileOf(result, 'handout.docx');
    const document = part(docx, 'word/document.xml');
    expect(document).toMatch(/<wp:docPr [^>]*descr="QR-kode til filmen »Borgerservice i Faaborg-Midtfyn: Hvor går grænsen\?«[^"]*"/);
    const png = unzip(docx)['word/media/image1.png']!;
    expect(png).toEqual(qrPng('https://vpt.dk/borgerservice/hjaelp-til-borgere-med-private-it-loesninger').png);
    const { size } = qrPng('https://vpt.dk/borgerservice/hjaelp-til-borgere-med-private-it-loesninger');
    const pixels = greyToRgba(png, size);
    expect(jsQR(pixels, size, size)?.data).toBe('https://vpt.dk/borgerservice/hjaelp-til-borgere-med-private-it-loesninger');
  }, 120_000);

  it('are read by pandoc without error, the agreement sheet with its tables', async () => {
    const result = await privateIt();
    const dir = await tempDir();
    for (const name of ['drejebog.docx', 'handout.docx', 'aftaleark.docx']) {
      const path = join(dir, name);
      await writeFile(path, fileOf(result, name));
      const { stdout, stderr } = await run('pandoc', ['-f', 'docx', '-t', 'plain', path]);
      expect(stderr, name).toBe('');
      expect(stdout.length, name).toBeGreaterThan(200);
      if (name === 'handout.docx') expect(stdout).toContain('Hvad gør det svært at hjælpe borgere med private it-løsninger?');
    }
    const html = (await run('pandoc', ['-f', 'docx', '-t', 'html', join(dir, 'aftaleark.docx')])).stdout;
    for (const head of [
      'Idé',
      'Prikker',
      'Hvad prøver vi?',
      'Hvem er ansvarlig, og hvem deltager?',
      'Hvornår er det afprøvet?',
      'Hvornår følger vi op?',
    ])
      expect(html).toContain(`<th><strong>${head}</strong></th>`);
    const agreement = part(fileOf(result, 'aftaleark.docx'), 'word/document.xml');
    // One row per idea card (20 for the largest group), under the header.
    expect(agreement.match(/<w:tr>/g)!.length).toBe(1 + 20 + 1 + 3);
  }, 120_000);

  it('give the same bytes twice, with every zip entry dated SOURCE_DATE_EPOCH', async () => {
    const first = await privateIt({ adapt: [{ path: 'tilpasning.yml', text: ADAPTED }] });
    const second = await privateIt({ adapt: [{ path: 'tilpasning.yml', text: ADAPTED }] });
    for (const name of ['drejebog.docx', 'handout.docx', 'aftaleark.docx']) {
      expect(fileOf(first, name), name).toEqual(fileOf(second, name));
      const bytes = fileOf(first, name);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      // 2023-11-14 22:13:20 UTC as an MS-DOS date and time, in the first local header.
      expect(view.getUint16(10, true)).toBe((22 << 11) | (13 << 5) | 10);
      expect(view.getUint16(12, true)).toBe(((2023 - 1980) << 9) | (11 << 5) | 14);
      expect(strFromU8(bytes.subarray(30, 30 + 19))).toBe('[Content_Types].xml');
    }
  }, 120_000);

  it("are left out when options.word is false (the page's kit unless asked)", async () => {
    const result = await privateIt({ word: false });
    expect(result.topics[0]!.files.map((f) => f.path).filter((p) => p.endsWith('.docx'))).toEqual([]);
  }, 120_000);
});

/** The 8-bit grey PNG qrPng writes, back to RGBA pixels for jsQR. */
function greyToRgba(png: Uint8Array, size: number): Uint8ClampedArray {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  const idat: Uint8Array[] = [];
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = strFromU8(png.subarray(at + 4, at + 8));
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = unzlib(idat);
  const out = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const v = raw[y * (size + 1) + 1 + x]!;
      out.set([v, v, v, 255], (y * size + x) * 4);
    }
  return out;
}

function unzlib(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return unzlibSync(all);
}
