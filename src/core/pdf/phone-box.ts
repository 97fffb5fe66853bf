import type { Content } from 'pdfmake/interfaces.js';
import { fill, type ViewModel } from '../view-model.js';
import { displayAddress } from './inline.js';
import { keepTogether } from './keep.js';
import { element } from './tags.js';
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
  // Laid out like the film's box above it, so the two codes read as a pair; 74 pt gives 2 pt modules.
  return [
    keepTogether({
      table: {
        widths: ['*', 78],
        body: [
          [
            {
              stack: [
                {
                  text: web.readOnPhone.toUpperCase(),
                  fontSize: theme.sizes.small,
                  bold: true,
                  color: theme.colors.muted,
                  characterSpacing: 0.6,
                  tag: element('P', { actual: web.readOnPhone }),
                },
                {
                  text: [{ text: displayAddress(url), link: url, tag: element('Link') }],
                  color: theme.colors.accent,
                  decoration: 'underline',
                  margin: [0, 4, 0, 0],
                  tag: element('P'),
                },
              ],
            },
            { qr: url, fit: 74, eccLevel: 'M', foreground: theme.colors.text, alignment: 'right', tag: element('Figure', { alt }) },
          ],
        ],
      },
      layout: {
        fillColor: () => theme.colors.tint,
        hLineWidth: () => 0,
        vLineWidth: () => 0,
        paddingLeft: () => 12,
        paddingRight: () => 10,
        paddingTop: () => 10,
        paddingBottom: () => 10,
      },
      margin: [0, 0, 0, 10],
      tag: element('Sect'),
    }),
  ];
}
