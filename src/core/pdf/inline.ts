import type { Content } from 'pdfmake/interfaces.js';
import type { Span } from '../model.js';
import { element } from './tags.js';

/** The pictographs (Unicode's Extended_Pictographic) Atkinson Hyperlegible draws in all four faces; a test keeps this true. */
export const TEXT_FONT_PICTOGRAPHS = '©®™';

/**
 * Emoji have no glyphs in the text font; they are set in the monochrome emoji font instead. The
 * text font's own pictographs stay in it ("© KL" in one font), unless asked for as emoji (with
 * U+FE0F) or joined to one.
 */
const EMOJI = new RegExp(
  `((?![${TEXT_FONT_PICTOGRAPHS}](?![\\uFE0F\\u200D]))\\p{Extended_Pictographic}(?:\\uFE0F|\\u200D\\p{Extended_Pictographic}|[\\u{1F3FB}-\\u{1F3FF}])*)`,
  'u',
);
const EMOJI_SPLIT = new RegExp(EMOJI.source, 'gu');

export interface InlineOptions {
  /** Print a link's address after its text, for paper. Default true. */
  printAddress?: boolean;
  linkColor?: string;
  emojiFont?: string;
}

/** Spans → pdfmake inline text nodes. */
export function inlines(spans: readonly Span[], options: InlineOptions = {}): Content[] {
  const { printAddress = true, linkColor, emojiFont = 'Emoji' } = options;
  const nodes: Content[] = [];
  for (const span of spans) {
    // A link is one `Link` element, its printed address included.
    const link = span.link ? { tag: element('Link') } : {};
    const style = {
      ...(span.bold && { bold: true }),
      ...(span.italic && { italics: true }),
      ...(span.link && { link: span.link, ...(linkColor && { color: linkColor }), decoration: 'underline' as const, ...link }),
    };
    nodes.push(...splitEmoji(span.text + (span.lineBreak ? '\n' : ''), style, emojiFont));
    if (span.link && printAddress && !sameAddress(span.text, span.link)) {
      nodes.push({ text: ` (${displayAddress(span.link)})`, link: span.link, ...(linkColor && { color: linkColor }), ...link });
    }
  }
  return nodes;
}

/** A plain string with emoji split out; for titles and labels. */
export function plain(text: string, emojiFont = 'Emoji'): Content[] | string {
  return EMOJI.test(text) ? splitEmoji(text, {}, emojiFont) : text;
}

/** Whether `text` holds an emoji, which is set in the emoji font. */
export function hasEmoji(text: string): boolean {
  return EMOJI.test(text);
}

/** `https://www.borger.dk/` → `www.borger.dk`: shorter to type from paper. */
export function displayAddress(url: string): string {
  return url
    .replace(/^mailto:/i, '')
    .replace(/^https?:\/\//i, '')
    .replace(/\/$/, '');
}

// --- internal ---

function splitEmoji(text: string, style: object, emojiFont: string): Content[] {
  if (!EMOJI.test(text)) return text === '' ? [] : [{ text, ...style }];
  return text
    .split(EMOJI_SPLIT)
    .filter((part) => part !== '')
    .map((part) => (EMOJI.test(part) ? { text: part.replace(/\uFE0F/g, ''), ...style, font: emojiFont } : { text: part, ...style }));
}

function sameAddress(text: string, url: string): boolean {
  const a = displayAddress(text.trim()).toLowerCase();
  const b = displayAddress(url).toLowerCase();
  return a === b || a === b.replace(/^www\./, '');
}
