import type { Content } from 'pdfmake/interfaces.js';
import type { ViewModel } from '../view/view-types.js';
import { element } from './tags.js';

/**
 * The municipality's logo at the top right of the first page's text block: its top on the top
 * margin and its right edge on the right margin, in the flow, so the title starts below it and
 * never runs under it. Not in the top margin: that is the printer's edge (docs/print.md, the clear
 * zone). A `Figure` with alternative text. Nothing without a logo.
 */
export function logoNode(view: ViewModel): Content[] {
  const logo = view.options.logo;
  if (!logo) return [];
  const size = { width: logo.width, height: logo.height };
  const image = logo.type === 'svg' ? { svg: logo.source, ...size } : { image: logo.source, ...size };
  // A column as wide as the text block puts the logo's right edge on the margin.
  return [
    {
      columns: [
        { width: '*', text: '' },
        { ...image, width: logo.width, tag: element('Figure', { alt: logo.alt }) },
      ],
      margin: [0, 0, 0, LOGO_GAP],
    },
  ];
}

/**
 * The logo beside `left` (the series line above a title): the two share the logo's height instead
 * of stacking, which gives the page back a line. The logo's right edge on the right margin, its top
 * on the top margin; what follows starts below both. Just `left` without a logo.
 */
export function besideLogo(view: ViewModel, left: Content[]): Content[] {
  const logo = view.options.logo;
  if (!logo) return left;
  const size = { width: logo.width, height: logo.height };
  const image = logo.type === 'svg' ? { svg: logo.source, ...size } : { image: logo.source, ...size };
  return [
    {
      columns: [
        { width: '*', stack: left },
        { ...image, width: logo.width, tag: element('Figure', { alt: logo.alt }) },
      ],
      columnGap: LOGO_GAP * 2,
      margin: [0, 0, 0, LOGO_GAP],
    },
  ];
}

/** Between the logo's foot and the title. */
const LOGO_GAP = 6;
