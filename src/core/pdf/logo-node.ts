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

/** Between the logo's foot and the title. */
const LOGO_GAP = 6;
