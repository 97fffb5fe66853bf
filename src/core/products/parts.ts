import type { Content, ContentText } from 'pdfmake/interfaces.js';
import { fill } from '../settings/labels.js';
import { keepNamesTogether } from '../view/view-model.js';
import { bookmark } from '../pdf/blocks.js';
import { displayAddress, plain } from '../pdf/inline.js';
import { qrBox } from '../pdf/qr-box.js';
import { keepWithNext, runningFooter } from '../pdf/keep.js';
import { besideLogo, logoNode } from '../pdf/logo-node.js';
import { element, PAGINATION } from '../pdf/tags.js';
import type { Theme } from '../pdf/theme.js';
import type { ProductContext } from './product.js';

/** Parts the guide and the handout share. */

/** A section: its `H2` heading (a bookmark) kept with the start of what follows. */
export function section(title: string, body: Content[], theme: Theme, options: { outlineId?: string; newPage?: boolean } = {}): Content[] {
  const heading: Content = {
    ...sectionHeading(title, theme, options.outlineId, 14),
    ...(options.newPage && { pageBreak: 'before' as const }),
  };
  const [first, ...rest] = body;
  return [...keepWithNext(heading, first), ...rest];
}

/** A section's `H2` heading, a bookmark in the viewer's outline; `spaceAbove` is its top margin. */
export function sectionHeading(title: string, theme: Theme, outlineId: string | undefined, spaceAbove: number): ContentText {
  return {
    text: plain(title),
    fontSize: theme.sizes.h2,
    bold: true,
    color: theme.colors.accent,
    margin: [0, spaceAbove, 0, 6],
    headlineLevel: 2,
    tag: element('H2'),
    ...bookmark(title, outlineId),
  };
}

/** The logo, the series small and in capitals, the topic's title (`H1`), and what this document is. */
export function titleHeader(ctx: ProductContext, theme: Theme, subtitle: string, gapAfter: number): Content[] {
  const { topic } = ctx.view;
  return [
    // The logo (if any) at the top right, the series line beside it (logo-node.ts).
    ...besideLogo(
      ctx.view,
      topic.series
        ? [
            {
              text: topic.series.toUpperCase(),
              fontSize: theme.sizes.small + 0.5,
              bold: true,
              color: theme.colors.accent,
              characterSpacing: 1,
              tag: element('P', { actual: topic.series }),
            },
          ]
        : [],
    ),
    {
      text: plain(topic.title),
      fontSize: theme.sizes.title,
      bold: true,
      lineHeight: 1.05,
      margin: [0, 4, 0, 2],
      headlineLevel: 1,
      tag: element('H1'),
    },
    // The subtitle carries the byline (`--organisation`): its emoji are set in the emoji font.
    { text: plain(subtitle), fontSize: theme.sizes.h3, color: theme.colors.muted, margin: [0, 0, 0, gapAfter], tag: element('P') },
  ];
}

/**
 * The logo on its own at the top, for a layout that leaves out the part holding the title (`part`):
 * with the title it is printed beside the series line (`titleHeader`), so never twice, never lost.
 */
export function logoWithoutTitle(ctx: ProductContext, part: string): Content[] {
  return ctx.layout.render(ctx.view).some((p) => p.part === part) ? [] : logoNode(ctx.view);
}

/** A running footer: `left` (e.g. series · publisher), and "Side X af Y" right. */
export function footer(ctx: ProductContext, theme: Theme, margins: readonly number[], left: readonly (string | null)[]) {
  // Names (the publisher, the organisation) stay on one line; the list breaks between them.
  const text = left
    .filter((part): part is string => Boolean(part))
    .map(keepNamesTogether)
    .join(' · ');
  const pageLabel = ctx.view.labels.page;
  return (currentPage: number, pageCount: number): Content =>
    runningFooter({
      columns: [
        { text, width: '*' },
        { text: fill(pageLabel, { page: currentPage, pages: pageCount }), width: 'auto', alignment: 'right' },
      ],
      fontSize: theme.sizes.small,
      color: theme.colors.muted,
      margin: [margins[0]!, 18, margins[2]!, 0],
      tag: PAGINATION,
    });
}

/** The film, podcast or case with its QR code: the facilitator scans it to open it on the meeting-room screen. */
export function mediaBox(ctx: ProductContext, theme: Theme, heading?: string): Content[] {
  const { media } = ctx.view.topic;
  if (!media?.url) return [];
  const { labels } = ctx.view;
  const url = media.url;
  // Seen before the meeting: the box offers it again rather than announcing it.
  const intro = heading ?? (media.before ? labels.watchAgain[media.kind] : labels.mediaIntro[media.kind]);
  const alt = fill(labels.qrAlt[media.kind], { title: media.title, url: displayAddress(url) });
  const lines: Content[] = [
    { text: plain(media.title), bold: true, fontSize: theme.sizes.h3, margin: [0, 2, 0, 2], tag: element('P') },
    ...(media.minutes
      ? [{ text: `${media.label} · ${media.minutes}\u00a0${labels.minutesLong}`, color: theme.colors.muted, tag: element('P') }]
      : []),
    ...(media.before ? [{ text: media.before, bold: true, color: theme.colors.accent, tag: element('P') }] : []),
  ];
  return [qrBox(intro, lines, url, alt, theme)];
}
