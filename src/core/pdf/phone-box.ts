import type { Content } from 'pdfmake/interfaces.js';
import { fill } from '../settings/labels.js';
import type { ViewModel } from '../view/view-types.js';
import { displayAddress } from './inline.js';
import { qrBox } from './qr-box.js';
import type { Theme } from './theme.js';

/**
 * "Læs det på mobilen": a QR code and the short address of the topic's phone edition, for the
 * guide and the handout. Nothing without `--base-url`: never a code to a wrong address.
 */
export function phoneBox(view: ViewModel, theme: Theme): Content[] {
  const url = view.options.phoneUrl;
  if (url === null) return [];
  const web = view.labels.web;
  const alt = fill(web.phoneQrAlt, { url: displayAddress(url) });
  return [qrBox(web.readOnPhone, [], url, alt, theme)];
}
