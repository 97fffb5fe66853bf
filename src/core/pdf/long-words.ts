/**
 * Long tokens (a URL in a step title, a film title written as one word, a 90-letter word, a long
 * `--organisation`) get break points. pdfmake widens a table's `*` and `auto` columns, and a
 * column set, to the widest word in them, so one long token pushed a table or a footer past the
 * paper's edge (issue 35). A soft hyphen is a break point that draws nothing where the line does
 * not break (docs/pdfmake.md §5), and the text conservation ledger does not count it.
 */

/** Tokens longer than this many characters get a break point every `CHUNK` characters. */
const LONGEST = 30;
const CHUNK = 15;
const SOFT_HYPHEN = '\u00ad';
/** Marks, pictographs and the joiners between them: a break point must not fall inside these. */
const JOINED = /\p{M}|\p{Extended_Pictographic}|\u200d|\ufe0f/u;
const LONG_TOKEN = new RegExp(`[^\\s\\u00ad]{${LONGEST + 1},}`, 'gu');

/** `text` with a soft hyphen every few characters in each token longer than `LONGEST`. */
export function breakLongTokens(text: string): string {
  return text.replace(LONG_TOKEN, (token) => {
    const chars = Array.from(token);
    // Emoji sequences and combining marks must stay whole; such tokens are left as they are.
    if (chars.some((c) => JOINED.test(c))) return token;
    let out = '';
    for (let i = 0; i < chars.length; i += CHUNK) out += (i > 0 ? SOFT_HYPHEN : '') + chars.slice(i, i + CHUNK).join('');
    return out;
  });
}

/**
 * A copy of pdfmake content with every string of text passed through `breakLongTokens`: text,
 * nested inlines, stacks, columns, lists and table cells. Everything else is kept as it is.
 */
export function breakLongTokensIn<T>(content: T): T {
  return walk(content) as T;
}

function walk(node: unknown): unknown {
  if (typeof node === 'string') return breakLongTokens(node);
  if (Array.isArray(node)) return node.map(walk);
  if (node === null || typeof node !== 'object') return node;
  const n = node as Record<string, unknown>;
  const out: Record<string, unknown> = { ...n };
  for (const key of ['text', 'stack', 'columns', 'ul', 'ol'] as const) if (key in n) out[key] = walk(n[key]);
  if (n['table'] && typeof n['table'] === 'object') {
    const table = n['table'] as Record<string, unknown>;
    out['table'] = { ...table, body: walk(table['body']) };
  }
  return out;
}
