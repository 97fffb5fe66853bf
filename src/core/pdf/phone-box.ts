import type { Content } from 'pdfmake/interfaces.js';
import type { WebLabels } from '../html/document.js';
import { fill, type ViewModel } from '../view-model.js';
import { displayAddress } from './inline.js';
import { element } from './tags.js';
import type { Theme } from './theme.js';

/**
 * "Læs det på mobilen": a QR code and the short address of the topic's phone edition, for the
 * guide and the handout. Nothing without `--base-url`: never a code to a wrong address.
 */
export function phoneBox(view: ViewModel, theme: Theme): Content[] {
  const url = view.options.phoneUrl;
  if (url === null) return [];
  const web = view.labels['web'] as WebLabels;
  const alt = fill(web.phoneQrAlt, { url: displayAddress(url) });
  return [
    {
      columns: [
        { qr: url, fit: 58, eccLevel: 'M', foreground: theme.colors.text, width: 62, tag: element('Figure', { alt }) },
        {
          width: '*',
          stack: [
            { text: web.readOnPhone.toUpperCase(), fontSize: theme.sizes.small, bold: true, color: theme.colors.accent, characterSpacing: 0.6, margin: [0, 10, 0, 2], tag: element('P', { actual: web.readOnPhone }) },
            { text: [{ text: displayAddress(url), link: url, tag: element('Link') }], color: theme.colors.accent, decoration: 'underline', tag: element('P') },
          ],
        },
      ],
      columnGap: 10,
      margin: [0, 0, 0, 10],
      unbreakable: true,
      tag: element('Sect'),
    } as Content,
  ];
}
