import { diagnostic } from '../messages/index.js';
import type { Diagnostic } from '../model.js';

/**
 * Limits on what a topic may ask of the parser and the products, so that every file within the size
 * cap is read in bounded time and memory. The structural limits are far beyond any real topic.
 */
export const LIMITS = {
  /** Lists inside lists. */
  listDepth: 8,
  /** Block quotes inside block quotes (`> > >`). */
  quoteDepth: 8,
  /** `## Trin …` sections. */
  steps: 30,
  /** Flip-chart sheets in the whole topic. */
  flipPrompts: 100,
  /** Largest group in `participants` (as for `--participants`). */
  participants: 200,
  /**
   * Emphasis marks (`*`, `_`) and link brackets (`[`) that open but never close make Markdown's inline
   * reader scan the rest of the paragraph for each of them: the cost grows with their number times
   * the paragraph's length.
   * This is that product, summed over the file (a real topic stays below a few thousand).
   */
  unclosedEmphasisWork: 2_000_000,
  /**
   * Bracketed text (`[a]`) in a file that defines reference links (`[a]: https://…`): Markdown's
   * reader masks each reference it finds by copying the rest of the paragraph, so the cost grows
   * with their number times the paragraph's length (measured: one `[a]: url` and 160,000 `[a]`,
   * 640 KB, took 90 s to check). This is that product, summed over the file.
   */
  referenceLinkWork: 2_000_000,
  /**
   * Characters in one word (a run without spaces). pdfmake breaks a word wider than its line by
   * measuring ever longer pieces of it, so its cost grows with the square of the word's length
   * (measured: a 5,000-letter word builds in a second; one of 900,000 letters ran past two minutes
   * and 4 GB). Long web addresses stay far below this.
   */
  wordLength: 5_000,
} as const;

/**
 * Checks the body's source, before Markdown reads it, for nesting and emphasis that would make
 * reading it slow or overflow the stack. Errors at the first line that goes beyond a limit; when
 * there are any, the body must not be read. Pure and linear in the length of the text.
 */
export function checkInputBounds(file: string, lines: readonly string[], bodyLine: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  const once = (key: string, d: Diagnostic) => {
    if (!reported.has(key)) out.push(d);
    reported.add(key);
  };
  const listIndents: number[] = [];
  let paragraph: { line: number; text: string } | undefined;
  let work = 0;
  let referenceWork = 0;
  // Reference links are read only when the file defines one.
  const definesReferences = lines.some((l) => /^ {0,3}\[[^\]\n]+\]:/.test(l));
  const closeParagraph = () => {
    if (paragraph === undefined) return;
    if (definesReferences) {
      const references = closedBrackets(paragraph.text);
      referenceWork += references * paragraph.text.length;
      if (referenceWork > LIMITS.referenceLinkWork) {
        once('references', diagnostic('DK0010', { references }, file, paragraph.line));
      }
    }
    const unclosed = unclosedEmphasis(paragraph.text) + unclosedBrackets(paragraph.text);
    work += unclosed * paragraph.text.length;
    if (work > LIMITS.unclosedEmphasisWork) {
      once('emphasis', diagnostic('DK0011', { unclosed }, file, paragraph.line));
    }
    paragraph = undefined;
  };

  // Words anywhere in the file, front matter included: a title is printed too.
  for (const [index, text] of lines.entries()) {
    const word = new RegExp(`\\S{${LIMITS.wordLength + 1},}`).exec(text);
    if (!word) continue;
    once('word', diagnostic('DK0012', { length: word[0].length, limit: LIMITS.wordLength }, file, index + 1, word.index + 1));
  }

  for (let index = bodyLine - 1; index < lines.length; index++) {
    const text = lines[index]!;
    const line = index + 1;
    if (text.trim() === '') {
      closeParagraph();
      continue;
    }
    paragraph = paragraph === undefined ? { line, text } : { line: paragraph.line, text: `${paragraph.text}\n${text}` };

    const quotes = /^[ \t]*(?:>[ \t]?)+/.exec(text)?.[0].split('>').length ?? 1;
    if (quotes - 1 > LIMITS.quoteDepth) {
      once('quote', diagnostic('DK0013', { depth: quotes - 1, limit: LIMITS.quoteDepth }, file, line));
    }
    const indent = columns(/^[ \t]*/.exec(text)![0]);
    if (/^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(text)) {
      while (listIndents.length > 0 && listIndents[listIndents.length - 1]! >= indent) listIndents.pop();
      listIndents.push(indent);
      if (listIndents.length > LIMITS.listDepth) {
        once('list', diagnostic('DK0014', { depth: listIndents.length, limit: LIMITS.listDepth }, file, line));
      }
    } else if (indent === 0) listIndents.length = 0;
  }
  closeParagraph();
  return out;
}

// --- internal ---

function columns(whitespace: string): number {
  let width = 0;
  for (const char of whitespace) width = char === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}

/** How many `[…]` pairs close. */
function closedBrackets(text: string): number {
  let open = 0;
  let closed = 0;
  for (const char of text) {
    if (char === '[') open++;
    else if (char === ']' && open > 0) {
      open--;
      closed++;
    }
  }
  return closed;
}

/** How many `[` find no `]` after them. */
function unclosedBrackets(text: string): number {
  let open = 0;
  for (const char of text) {
    if (char === '[') open++;
    else if (char === ']' && open > 0) open--;
  }
  return open;
}

/**
 * How many runs of `*` or `_` can open emphasis and find no later run to close them, the way
 * CommonMark pairs them (simplified: a run opens before a non-space and closes after one).
 */
function unclosedEmphasis(text: string): number {
  const open: string[] = [];
  const count = { '*': 0, _: 0 } as Record<string, number>;
  for (const run of text.matchAll(/\*+|_+/g)) {
    const before = text[run.index - 1];
    const after = text[run.index + run[0].length];
    const char = run[0][0]!;
    const canClose = before !== undefined && !/\s/.test(before);
    const canOpen = after !== undefined && !/\s/.test(after);
    // Searching only when such an opener exists keeps this linear: what is searched past is removed.
    const match = canClose && count[char]! > 0 ? open.lastIndexOf(char) : -1;
    if (match !== -1) for (const closed of open.splice(match)) count[closed]!--;
    else if (canOpen && !(char === '_' && canClose)) {
      open.push(char);
      count[char]!++;
    }
  }
  return open.length;
}
