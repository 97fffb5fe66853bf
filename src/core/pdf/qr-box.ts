import type { Content } from 'pdfmake/interfaces.js';
import { capsLabel } from './caps-label.js';
import { displayAddress } from './inline.js';
import { keepTogether } from './keep.js';
import { element } from './tags.js';
import type { Theme } from './theme.js';

/**
 * A tinted box with a label in capitals, some lines of text, the address printed to be typed
 * from paper, and its QR code on the right (a `Figure` with alternative text). The film's box and
 * the phone edition's box share it, so the two codes read as a pair; 74 pt gives 2 pt modules.
 */
export function qrBox(label: string, lines: Content[], url: string, alt: string, theme: Theme): Content {
  return keepTogether({
    table: {
      widths: ['*', 78],
      body: [
        [
          {
            stack: [
              capsLabel(label, theme),
              ...lines,
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
    tag: element('Sect'),
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
  });
}
