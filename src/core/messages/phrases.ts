/**
 * Parts of messages that several codes share, in both languages: names of characters, why a date
 * or an address is refused. Kept beside the table, so every word of a message is found there.
 */

type Lang = 'en' | 'da';

/** Characters that look like ones YAML needs (quotes, spaces) but are not (parse/yaml-errors.ts). */
const LOOK_ALIKES: Record<string, { en: string; da: string }> = {
  '\u201c': { en: 'a curly quote “', da: 'et krøllet anførselstegn “' },
  '\u201d': { en: 'a curly quote ”', da: 'et krøllet anførselstegn ”' },
  '\u201e': { en: 'a low curly quote „', da: 'et lavt anførselstegn „' },
  '\u2018': { en: 'a curly apostrophe ‘', da: 'en krøllet apostrof ‘' },
  '\u2019': { en: 'a curly apostrophe ’', da: 'en krøllet apostrof ’' },
  '\u00ab': { en: 'an angle quote «', da: 'et vinkelcitationstegn «' },
  '\u00bb': { en: 'an angle quote »', da: 'et vinkelcitationstegn »' },
  '\u00a0': { en: 'a non-breaking space', da: 'et hårdt mellemrum' },
  '\u202f': { en: 'a narrow non-breaking space', da: 'et smalt hårdt mellemrum' },
  '\u2007': { en: 'a figure space', da: 'et tal-mellemrum' },
  '\u3000': { en: 'an ideographic space', da: 'et bredt asiatisk mellemrum' },
  '\t': { en: 'a tab', da: 'en tabulator' },
};

/** `a non-breaking space (U+00A0)` / `et hårdt mellemrum (U+00A0)`. */
export function lookAlikeName(char: string, lang: Lang): string {
  const codePoint = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `${LOOK_ALIKES[char]?.[lang] ?? char} (${codePoint})`;
}

/** The characters `lookAlikeName` knows. */
export const LOOK_ALIKE_CHARS = Object.keys(LOOK_ALIKES);

/** Why a date is refused (dates.ts). */
export type DateReason = 'not-a-date' | 'not-in-calendar' | 'out-of-range';

export function datePhrase(reason: DateReason, first: string, last: string, lang: Lang): string {
  if (lang === 'da') {
    if (reason === 'not-a-date') return 'er ikke en dato';
    if (reason === 'not-in-calendar') return 'er ikke en dag i kalenderen';
    return `ligger uden for det mulige tidsrum, ${first} til ${last}`;
  }
  if (reason === 'not-a-date') return 'is not a date';
  if (reason === 'not-in-calendar') return 'is not a day in the calendar';
  return `is outside the supported range ${first} to ${last}`;
}

/** A character no address holds as written (parse/links.ts). */
export function addressCharName(char: string, lang: Lang): string {
  const da = lang === 'da';
  if (char === '"') return da ? 'et anførselstegn (")' : 'a quote mark (")';
  if (char === '<' || char === '>') return da ? `en vinkelparentes (${char})` : `an angle bracket (${char})`;
  if (char === '`') return da ? 'en accent grave (`)' : 'a backtick (`)';
  if (char === '\\') return da ? 'en omvendt skråstreg (\\)' : 'a backslash (\\)';
  if (/\s/.test(char)) return da ? 'et mellemrum' : 'a space';
  const codePoint = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return da ? `et styretegn (${codePoint})` : `a control character (${codePoint})`;
}

/** `holds a space, which an address cannot hold as written`. */
export function addressCharPhrase(char: string, lang: Lang): string {
  return lang === 'da'
    ? `indeholder ${addressCharName(char, lang)}, som en adresse ikke kan indeholde sådan`
    : `holds ${addressCharName(char, lang)}, which an address cannot hold as written`;
}

export function addressCharHint(lang: Lang): string {
  return lang === 'da'
    ? 'kopiér adressen fra browserens adresselinje; et anførselstegn skrives %22 og et mellemrum %20'
    : "copy the address from the browser's address bar; a quote in it is written %22, a space %20";
}

/** Why an address is too long for the printed QR code (settings/qr-capacity.ts). */
export function qrPhrase(length: number, unit: 'characters' | 'bytes', max: number, lang: Lang): string {
  if (lang === 'da')
    return unit === 'bytes'
      ? `fylder ${length} byte; en udskrevet QR-kode kan højst rumme ${max}`
      : `er ${length} tegn lang; en udskrevet QR-kode kan højst rumme ${max} af disse tegn`;
  return unit === 'bytes'
    ? `is ${length} bytes long; a printed QR code holds at most ${max}`
    : `is ${length} characters; a printed QR code holds at most ${max} of these`;
}

/** Characters the text cleaner takes out (parse/source-text.ts), by kind. */
export type UnwantedKind =
  | 'line-separator'
  | 'paragraph-separator'
  | 'byte-order-mark'
  | 'zero-width-space'
  | 'zero-width-non-joiner'
  | 'zero-width-joiner'
  | 'word-joiner'
  | 'direction'
  | 'control';

const UNWANTED_NAMES: Record<UnwantedKind, { en: string; da: string }> = {
  'line-separator': { en: 'a line separator', da: 'et linjeskift-tegn (line separator)' },
  'paragraph-separator': { en: 'a paragraph separator', da: 'et afsnitsskift-tegn (paragraph separator)' },
  'byte-order-mark': { en: 'a byte-order mark in the text', da: 'et byte-order-mark inde i teksten' },
  'zero-width-space': { en: 'a zero-width space', da: 'et usynligt mellemrum (zero-width space)' },
  'zero-width-non-joiner': { en: 'a zero-width non-joiner', da: 'et usynligt tegn (zero-width non-joiner)' },
  'zero-width-joiner': { en: 'a zero-width joiner', da: 'et usynligt tegn (zero-width joiner)' },
  'word-joiner': { en: 'a word joiner', da: 'et usynligt tegn (word joiner)' },
  direction: { en: 'a text-direction control', da: 'et tegn der styrer skriveretningen' },
  control: { en: 'a control character', da: 'et styretegn' },
};

/** The name of an unwanted character, in `lang`. */
export function unwantedName(kind: UnwantedKind, lang: 'en' | 'da'): string {
  return (UNWANTED_NAMES[kind] ?? UNWANTED_NAMES.control)[lang];
}

/** What is done with an unwanted character: `a zero-width space (U+200B) is in the text; it is left out`. */
export function unwantedPhrase(p: { kind: UnwantedKind; codePoint: string; spaced: boolean }, lang: Lang): string {
  return lang === 'da'
    ? `der er ${unwantedName(p.kind, 'da')} (${p.codePoint}) i teksten; ${p.spaced ? 'det udskrives som et mellemrum' : 'det udelades'}`
    : `${unwantedName(p.kind, 'en')} (${p.codePoint}) is in the text; ${p.spaced ? 'it is printed as a space' : 'it is left out'}`;
}
