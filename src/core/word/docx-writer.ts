import {
  AlignmentType,
  BorderStyle,
  CheckBox,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zipFiles } from '../publish/archive.js';
import { qrPng } from './qr-png.js';
import type { WordBlock, WordDoc, WordRun } from './word-model.js';

/**
 * A `WordDoc` as .docx bytes, with the `docx` package: Word's built-in heading styles, its own
 * numbered and bulleted lists, tables, check-box content controls, the QR code as an image with
 * alternative text, the document's language and font, title and author in its properties. The
 * same document gives the same bytes: the package's random relationship ids and its clock times
 * are replaced by fixed ones, and the zip is written again with every entry's time `date`
 * (SOURCE_DATE_EPOCH or the topic's date), as the topic's zip is.
 */
export async function writeDocx(doc: WordDoc, date: Date): Promise<Uint8Array> {
  const [font] = doc.fonts;
  const accent = doc.accent.replace('#', '');
  const lists = { next: 0 };
  const document = new Document({
    title: doc.title,
    subject: doc.subject,
    creator: doc.author,
    lastModifiedBy: doc.author,
    description: doc.subject,
    revision: 1,
    styles: {
      default: {
        document: { run: { font, size: 22, language: { value: doc.language } }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { font, size: 48, bold: true, color: '1D252C' } },
        heading1: {
          run: { font, size: 32, bold: true, color: accent },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { font, size: 26, bold: true, color: accent },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
        },
        heading3: { run: { font, size: 23, bold: true }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true } },
        hyperlink: { run: { color: accent, underline: {} } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: ['•', '◦', '▪'].map((text, level) => ({
            level,
            format: LevelFormat.BULLET,
            text,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
          })),
        },
        {
          reference: 'numbers',
          levels: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN].map((format, level) => ({
            level,
            format,
            text: `%${level + 1}.`,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 300 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1247, right: 1247 } } },
        children: doc.blocks.flatMap((block) => render(block, lists)),
      },
    ],
  });
  const packed = await Packer.pack(document, 'uint8array');
  return reproducible(packed, doc, date);
}

// --- internal ---

function render(block: WordBlock, lists: { next: number }): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)] })];
    case 'heading':
      return [
        new Paragraph({
          heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1]!,
          children: [new TextRun(block.text)],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          children: inline(block.runs, block.look === 'muted' ? { color: '4A5660' } : block.look === 'lead' ? { size: 24 } : {}),
          ...(block.look === 'tip' && {
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FDF5E4' },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'D9A441', space: 6 } },
            indent: { left: 120 },
          }),
        }),
      ];
    case 'list': {
      // One Word list per Markdown list: a numbered list counts from 1 again.
      const instance = ++lists.next;
      return block.items.map(
        (item) =>
          new Paragraph({
            numbering: { reference: item.ordered ? 'numbers' : 'bullets', level: item.level, instance },
            children: inline(item.runs),
          }),
      );
    }
    case 'checklist':
      return block.items.map(
        (item) =>
          new Paragraph({
            indent: { left: 360, hanging: 360 },
            children: [new CheckBox({ checked: false }), new TextRun('\t'), ...inline(item)],
          }),
      );
    case 'table':
      return [table(block)];
    case 'image': {
      const { png } = qrPng(block.url);
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: png,
              transformation: { width: block.size, height: block.size },
              altText: { name: block.title, title: block.title, description: block.alt },
            }),
          ],
        }),
      ];
    }
    case 'lines':
      return Array.from(
        { length: block.count },
        () =>
          new Paragraph({
            spacing: { before: 240, after: 0 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '9AA7AF', space: 1 } },
            children: [],
          }),
      );
  }
}

function table(block: Extract<WordBlock, { kind: 'table' }>): Table {
  const cell = (children: ParagraphChild[], width: number, header = false) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      ...(header && { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF4F6' } }),
      children: [new Paragraph({ children })],
    });
  const widths = block.widths;
  const rows = [
    new TableRow({
      tableHeader: true,
      children: block.header.map((text, i) => cell([new TextRun({ text, bold: true })], widths[i]!, true)),
    }),
    ...block.rows.map((row) => new TableRow({ children: row.map((runs, i) => cell(inline(runs), widths[i]!)) })),
    ...Array.from(
      { length: block.emptyRows ?? 0 },
      () => new TableRow({ height: { value: 560, rule: 'atLeast' }, children: widths.map((w) => cell([], w)) }),
    ),
  ];
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

function inline(runs: readonly WordRun[], look: { color?: string; size?: number } = {}): ParagraphChild[] {
  return runs.flatMap((run): ParagraphChild[] => {
    const parts = [
      new TextRun({
        text: run.text,
        ...(run.bold && { bold: true }),
        ...(run.italic && { italics: true }),
        ...(run.link && { style: 'Hyperlink' }),
        ...look,
      }),
      ...(run.lineBreak ? [new TextRun({ break: 1 })] : []),
    ];
    return run.link ? [new ExternalHyperlink({ link: run.link, children: parts })] : parts;
  });
}

/**
 * The package's output made the same for the same document: its relationship ids (random) become
 * `rIdDk1`, `rIdDk2` … in the order the parts hold them, the core properties' times (the clock's)
 * become `date`, the language is named there too, the fonts get their fallbacks, and the zip is
 * written again with fixed entry times.
 */
function reproducible(packed: Uint8Array, doc: WordDoc, date: Date): Uint8Array {
  const entries = Object.entries(unzipSync(packed));
  const texts = new Map(entries.filter(([name]) => /\.(xml|rels)$/.test(name)).map(([name, bytes]) => [name, strFromU8(bytes)]));
  const ids = new Map<string, string>();
  for (const [name, text] of texts) {
    if (!name.endsWith('.rels')) continue;
    for (const match of text.matchAll(/\bId="([^"]+)"/g)) {
      const id = match[1]!;
      if (!/^rId\d+$/.test(id) && !ids.has(id)) ids.set(id, `rIdDk${ids.size + 1}`);
    }
  }
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  // Drawing ids come from a counter that lives as long as the process: numbered again from 1.
  let drawing = 0;
  const edited = new Map<string, string>();
  for (const [name, original] of texts) {
    let text = original;
    if (ids.size > 0) text = text.replace(/"([A-Za-z0-9_-]{6,})"/g, (whole, id: string) => (ids.has(id) ? `"${ids.get(id)}"` : whole));
    text = text.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`);
    if (name === 'docProps/core.xml') {
      text = text.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
      text = text.replace('</cp:coreProperties>', `<dc:language>${doc.language}</dc:language></cp:coreProperties>`);
    }
    if (name === 'word/fontTable.xml') text = withFallbacks(text, doc.fonts);
    edited.set(name, text);
  }
  // `[Content_Types].xml` first, as Word writes it; the rest in the package's order.
  const ordered = [
    ...entries.filter(([name]) => name === '[Content_Types].xml'),
    ...entries.filter(([name]) => name !== '[Content_Types].xml'),
  ];
  const files = ordered.map(([name, bytes]) => ({ name, bytes: edited.has(name) ? strToU8(edited.get(name)!) : bytes }));
  return zipFiles(files, date, 6);
}

/** The theme's font in the font table, with the next font as its alternative name: Word uses it where the first is missing. */
function withFallbacks(fontTable: string, fonts: readonly string[]): string {
  const [first, ...rest] = fonts;
  if (!first || fontTable.includes(`w:name="${first}"`) || rest.length === 0) return fontTable;
  const entry = `<w:font w:name="${first}"><w:altName w:val="${rest.join(', ')}"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>`;
  // The package writes an empty table as one self-closing element.
  return /<w:fonts[^>]*\/>\s*$/.test(fontTable)
    ? fontTable.replace(/\/>\s*$/, `>${entry}</w:fonts>`)
    : fontTable.replace(/<\/w:fonts>\s*$/, `${entry}</w:fonts>`);
}
