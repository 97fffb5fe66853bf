/**
 * The minutes as a Word file (docx 9.15.2, the project's Word package), for a facilitator who
 * wants to edit them before sending them on: the same content and order as the PDF, with real
 * headings and tables so Word's navigation and screen readers find their way.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { agreementRows, longDateOf, type Referat } from './referat.js';

export async function referatDocx(referat: Referat): Promise<Uint8Array> {
  const { words } = referat;
  const cell = (text: string, options: { bold?: boolean; right?: boolean; width?: number } = {}) =>
    new TableCell({
      ...(options.width && { width: { size: options.width, type: WidthType.PERCENTAGE } }),
      children: [
        new Paragraph({
          ...(options.right && { alignment: AlignmentType.RIGHT }),
          children: [new TextRun({ text, bold: options.bold ?? false })],
        }),
      ],
    });
  const agreement = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: agreementRows(referat).map(([label, value]) => new TableRow({ children: [cell(label, { bold: true, width: 22 }), cell(value)] })),
  });
  const ideas = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [cell(words.idea, { bold: true, width: 85 }), cell(words.dots, { bold: true, right: true })],
      }),
      ...(referat.ideas.length > 0
        ? referat.ideas.map((idea) => new TableRow({ children: [cell(idea.idea || words.none), cell(String(idea.dots), { right: true })] }))
        : [new TableRow({ children: [cell(words.none), cell('')] })]),
    ],
  });
  const title = words.referat.replace('{title}', referat.title);
  const document = new Document({
    creator: referat.publisher ?? 'Dialogkit',
    title,
    subject: words.title,
    styles: {
      default: {
        document: { run: { font: 'Atkinson Hyperlegible', size: 22, language: { value: referat.language === 'en' ? 'en-GB' : 'da-DK' } } },
      },
    },
    sections: [
      {
        children: [
          ...(referat.series ? [new Paragraph({ children: [new TextRun({ text: referat.series, bold: true })] })] : []),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
          new Paragraph({ children: [new TextRun(longDateOf(referat.date, referat.language))] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(words.agreement)] }),
          agreement,
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(words.ideasByDots)] }),
          ideas,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
