/**
 * Text on its way to the terminal, made harmless: every control character (C0 but the line
 * break, DEL, C1) and the invisible characters that reorder or hide text (bidirectional
 * overrides and isolates) is shown as a `\u001b`-style escape. A slug from a hand-edited
 * manifest, a file name, a host name in a lock or a message quoting a logo can then never move
 * the cursor, recolour the screen, retitle the window or hide part of a line. The escape is valid
 * inside a JSON string, so `--format json` stays parseable.
 */
export function safeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Everything `safeForTerminal` escapes: C0 controls but `\n`, DEL and C1, bidi controls, line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
