import type { ContentText } from 'pdfmake/interfaces.js';
import { element } from './tags.js';
import type { Theme } from './theme.js';

/**
 * A small letter-spaced label in capitals over a box or a fact ("SPØRGSMÅL", "TIP"). The capitals
 * are drawn; the label as written is its ActualText, so a screen reader says the word rather
 * than spelling it out. Callers choose the colour, spacing and tag where their boxes differ.
 */
export function capsLabel(label: string, theme: Theme, look: Partial<ContentText> = {}): ContentText {
  return {
    text: label.toUpperCase(),
    bold: true,
    fontSize: theme.sizes.small,
    color: theme.colors.muted,
    characterSpacing: 0.6,
    tag: element('P', { actual: label }),
    ...look,
  };
}
