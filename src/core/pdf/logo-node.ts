import type { Content } from 'pdfmake/interfaces.js';
import type { Page } from './paper.js';
import type { ViewModel } from '../view/view-model.js';
import { element } from './tags.js';

/**
 * The municipality's logo at the top right of the first page, in the top margin, so it takes
 * no room from the text below it. A `Figure` with alternative text. Nothing without a logo.
 */
export function logoNode(view: ViewModel, page: Page): Content[] {
  const logo = view.options.logo;
  if (!logo) return [];
  const size = { width: logo.width, height: logo.height };
  // Its foot sits 10 pt above the text area; the top margin is at least 44 pt in every A4 layout.
  const at = { x: page.width - page.margins[2] - logo.width, y: Math.max(8, page.margins[1] - 10 - logo.height) };
  const image = logo.type === 'svg' ? { svg: logo.source, ...size } : { image: logo.source, ...size };
  return [{ ...image, absolutePosition: at, tag: element('Figure', { alt: logo.alt }) }];
}
