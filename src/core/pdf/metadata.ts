/**
 * Document metadata (the Info dictionary and the XMP packet, which is XML) as text that is safe
 * to write: a title may carry a vertical tab or form feed (Word's Shift+Enter), an escape
 * sequence, a noncharacter or half a surrogate pair, none of which XML 1.0 allows (§2.2, `Char`).
 * Line breaks of any kind become spaces; other control characters are removed.
 */
export function cleanMetadataText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(NOT_XML, '').replace(/ {2,}/g, ' ').trim();
}

/** Every string field of a document's `info`, cleaned; dates and other values as they are. */
export function cleanInfo<T extends object>(info: T): T {
  return Object.fromEntries(
    Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? cleanMetadataText(value) : value]),
  ) as T;
}

// --- internal ---

const LINE_BREAKS = /[\t\n\r\v\f\u0085\u2028\u2029]+/g;
/** C0 and C1 controls, U+FFFE/U+FFFF, and surrogates without their other half. */
const NOT_XML = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
