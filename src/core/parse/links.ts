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
export type LinkProblem = { kind: 'character'; char: string } | { kind: 'address' };

/** Why the address is refused, in the author's terms, or `undefined` when it is a fine address. */
export function linkProblem(address: string, kinds: LinkKinds): LinkProblem | undefined {
  // The apostrophe is allowed in addresses (and escaped in HTML like any text).
  const refused = /["<>`\\\s\p{Cc}]/u.exec(address)?.[0];
  if (refused !== undefined) return { kind: 'character', char: refused };
  const schemes = kinds === 'web' ? ['http:', 'https:'] : ['http:', 'https:', 'mailto:'];
  const url = URL.canParse(address) ? new URL(address) : undefined;
  const full = url && (url.protocol === 'mailto:' ? /^[^@]+@[^@]+$/.test(url.pathname) : url.hostname !== '');
  if (url && schemes.includes(url.protocol) && full) return undefined;
  return { kind: 'address' };
}
