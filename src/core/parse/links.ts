/**
 * The one rule for addresses a topic or an option gives: Markdown links, `media.url` and
 * `--base-url`. An address is read by `URL`, as a browser reads it, and must be http or https
 * (or mailto, where a link may be one); and it may not hold a character an address never holds
 * as written (RFC 3986): a quote, `<`, `>`, a backtick, a backslash, a space or a control
 * character. Those are the characters that could end an HTML attribute or a tag, and in a real
 * address they are percent-encoded (`%22` for `"`), so refusing them loses no real link.
 * The HTML is still escaped and every `href` written as `new URL(u).href` (html/markup.ts): this
 * rule tells the author at the line, the escaping holds whatever comes through.
 */

/** Which schemes a place accepts. */
export type LinkKinds = 'web' | 'web-or-mail';

/** Why an address is refused: a character no address holds as written, or no address of the kinds asked for. */
export interface LinkProblem {
  kind: 'character' | 'address';
  /** Follows the address in a message: `the link "…" <message>`. */
  message: string;
  hint: string;
}

/** Why the address is refused, in the author's terms, or `undefined` when it is a fine address. */
export function linkProblem(address: string, kinds: LinkKinds): LinkProblem | undefined {
  // The apostrophe is allowed in addresses (and escaped in HTML like any text).
  const refused = /["<>`\\\s\p{Cc}]/u.exec(address)?.[0];
  if (refused !== undefined)
    return {
      kind: 'character',
      message: `holds ${characterName(refused)}, which an address cannot hold as written`,
      hint: "copy the address from the browser's address bar; a quote in it is written %22, a space %20",
    };
  const schemes = kinds === 'web' ? ['http:', 'https:'] : ['http:', 'https:', 'mailto:'];
  const url = URL.canParse(address) ? new URL(address) : undefined;
  const full = url && (url.protocol === 'mailto:' ? /^[^@]+@[^@]+$/.test(url.pathname) : url.hostname !== '');
  if (url && schemes.includes(url.protocol) && full) return undefined;
  return {
    kind: 'address',
    message: `is not an ${kinds === 'web' ? 'http or https' : 'http, https or mailto'} address`,
    hint: 'write a full address, e.g. https://www.borger.dk',
  };
}

// --- internal ---

function characterName(char: string): string {
  if (char === '"') return 'a quote mark (")';
  if (char === '<' || char === '>') return `an angle bracket (${char})`;
  if (char === '`') return 'a backtick (`)';
  if (char === '\\') return 'a backslash (\\)';
  if (/\s/.test(char)) return 'a space';
  return `a control character (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}
