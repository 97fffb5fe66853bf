/**
 * The minutes as a one-page tagged PDF, set by the same typesetter in the same fonts as the
 * other PDFs: the agreement on top, then the ideas by their dots. Made in the browser (the screen
 * edition loads the referat script); pure, so Node tests read the very same document back.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { DEFAULT_THEME } from '../pdf/theme.js';
import { element, tableBody } from '../pdf/tags.js';
import type { RenderedPdf, Typesetter } from '../pdf/typeset.js';
import { agreementRows, longDateOf, type Referat } from './referat.js';

/** Type sizes tried in turn until the minutes fit one page; past the last they take two, never cut. */
const SIZES = [11, 10, 9, 8, 7];

export async function referatPdf(typesetter: Typesetter, referat: Referat): Promise<RenderedPdf> {
  let pdf: RenderedPdf | undefined;
  for (const size of SIZES) {
    pdf = await typesetter.render(referatDocument(referat, size), { tagged: true });
    if (pdf.pages === 1) break;
  }
  return pdf!;
}

/** The document definition at body size `size` (points). */
export function referatDocument(referat: Referat, size = SIZES[0]!): TDocumentDefinitions {
  const { words } = referat;
  const colors = DEFAULT_THEME.colors;
  const title = fillTitle(words.referat, referat.title);
  const rowHeader = (text: string, tr: ReturnType<typeof element>): TableCell => ({
    text,
    bold: true,
    tag: element('TH', { parent: tr, scope: 'Row' }),
  });
  const agreement = agreementRows(referat).map(([label, value]) => {
    const tr = element('TR');
    return [rowHeader(label, tr), { text: value, tag: element('TD', { parent: tr }) }];
  });
  const ideaRows: TableCell[][] = [
    [
      { text: words.idea, bold: true },
      { text: words.dots, bold: true, alignment: 'right' },
    ],
    ...(referat.ideas.length > 0
      ? referat.ideas.map((idea): TableCell[] => [{ text: idea.idea || words.none }, { text: String(idea.dots), alignment: 'right' }])
      : [[{ text: words.none }, { text: '' }]]),
  ];
  const lines = {
    hLineColor: () => colors.rule,
    vLineWidth: () => 0,
    hLineWidth: () => 0.6,
    paddingTop: () => size / 4,
    paddingBottom: () => size / 4,
  };
  const content: Content[] = [
    ...(referat.series
      ? [
          {
            text: referat.series.toUpperCase(),
            color: colors.accent,
            bold: true,
            fontSize: size * 0.8,
            tag: element('P', { actual: referat.series }),
          } as Content,
        ]
      : []),
    { text: title, fontSize: size * 2, bold: true, color: colors.accent, margin: [0, 2, 0, 2], tag: element('H1') },
    { text: longDateOf(referat.date, referat.language), color: colors.muted, margin: [0, 0, 0, 12], tag: element('P') },
    { text: words.agreement, fontSize: size * 1.4, bold: true, margin: [0, 4, 0, 4], tag: element('H2') },
    { table: { widths: [90, '*'], body: agreement }, layout: lines, tag: element('Table') },
    { text: words.ideasByDots, fontSize: size * 1.4, bold: true, margin: [0, 16, 0, 4], tag: element('H2') },
    { table: { headerRows: 1, widths: ['*', 60], body: tableBody(ideaRows, 1) }, layout: lines, tag: element('Table') },
  ];
  return {
    info: {
      title,
      author: referat.publisher ?? 'Dialogkit',
      subject: words.title,
      keywords: [referat.series, referat.title, words.title].filter(Boolean).join(', '),
      creator: 'Dialogkit',
      producer: 'Dialogkit',
      creationDate: new Date(`${referat.date}T12:00:00Z`),
    },
    language: referat.language === 'en' ? 'en-GB' : 'da-DK',
    displayTitle: true,
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    defaultStyle: { font: DEFAULT_THEME.font, fontSize: size, lineHeight: DEFAULT_THEME.lineHeight, color: colors.text },
    content,
  };
}

// --- internal ---

function fillTitle(template: string, title: string): string {
  return template.replace('{title}', title);
}
