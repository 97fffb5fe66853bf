import type { Span } from '../model.js';
import { hasEmoji } from './inline.js';

/** The advance width of `text` at 1 pt in the span's face (bold, italic), from the font's own metrics. */
export type MeasureSpan = (text: string, span: Span) => Promise<number>;

/**
 * Balanced line breaks for text set large (a flip-chart prompt): the same number of lines the
 * engine would make at `width`, but lines as alike in width as they can be, so no short word is
 * left alone on the last line ("Hvem henviser vi / til?" becomes "Hvem henviser / vi til?").
 *
 * The breaks are written into the text as line breaks at the chosen spaces; the engine then only
 * follows them, since every line is narrower than `width`. Words are what lies between ordinary
 * spaces: a no-break space (U+00A0: "7 min", a date) keeps its words together here as it does in
 * the engine. Widths are the font's real advance widths, measured as pdfmake measures them (word
 * by word, a space after each but the line's last), so both agree on what fits. Paragraphs
 * between hard breaks are balanced one by one. Text with emoji (set in another font) is left as
 * it is, and so is text that balancing would not change (the same array). Pure apart from the measuring.
 */
export async function balanceLines(
  spans: readonly Span[],
  width: number,
  fontSize: number,
  measure: MeasureSpan,
): Promise<readonly Span[]> {
  if (spans.some((s) => hasEmoji(s.text))) return spans;
  const pieces = splitPieces(spans);
  const breaks = new Set<Piece>();
  for (const paragraph of paragraphs(pieces)) {
    const words = await measureWords(paragraph, fontSize, measure);
    for (const index of balancedBreaks(words, width)) breaks.add(words[index]!.spaceAfter!);
  }
  // Unchanged text is handed back as it came, so a caller can tell.
  if (breaks.size === 0) return spans;
  return joinPieces(pieces, breaks);
}

/** A measured word and the space that follows it (none for a paragraph's last word). */
export interface Word {
  width: number;
  spaceWidth: number;
  spaceAfter?: Piece;
}

/**
 * The indexes of the words after which the lines of a paragraph break: as few lines as a
 * first-fit fill at `width` gives, and among the ways to break into that many lines the one
 * whose lines are most alike in width (least sum of squared room left on each line, the last
 * included, so a lone short word at the end costs the most). None when the paragraph fits on
 * one line.
 */
export function balancedBreaks(words: readonly Word[], width: number): number[] {
  const lines = firstFit(words, width).length + 1;
  if (lines < 2) return [];
  const count = words.length;
  // best[k][j]: the least cost of setting words 0..j-1 on k lines; from[k][j]: where line k starts.
  const best = Array.from({ length: lines + 1 }, () => new Array<number>(count + 1).fill(Infinity));
  const from = Array.from({ length: lines + 1 }, () => new Array<number>(count + 1).fill(-1));
  best[0]![0] = 0;
  for (let k = 1; k <= lines; k++) {
    for (let end = 1; end <= count; end++) {
      let lineWidth = 0;
      for (let start = end - 1; start >= 0; start--) {
        lineWidth += words[start]!.width + (start < end - 1 ? words[start]!.spaceWidth : 0);
        if (lineWidth > width) break;
        const cost = best[k - 1]![start]! + (width - lineWidth) ** 2;
        if (cost < best[k]![end]!) {
          best[k]![end] = cost;
          from[k]![end] = start;
        }
      }
    }
  }
  if (!Number.isFinite(best[lines]![count]!)) return [];
  const breaks: number[] = [];
  for (let k = lines, end = count; k > 1; k--) {
    end = from[k]![end]!;
    breaks.unshift(end - 1);
  }
  return breaks;
}

// --- internal ---

/** A run of one span's text: a word part or the spaces between words. */
interface Piece {
  span: Span;
  text: string;
  space: boolean;
  /** The span ends in a hard line break after this piece. */
  hardBreak: boolean;
}

function splitPieces(spans: readonly Span[]): Piece[] {
  const pieces: Piece[] = [];
  for (const span of spans) {
    // Ordinary spaces only: a no-break space is part of its word.
    for (const text of span.text.split(/( +)/).filter((p) => p !== ''))
      pieces.push({ span, text, space: /^ +$/.test(text), hardBreak: false });
    const last = pieces[pieces.length - 1];
    if (span.lineBreak) {
      if (last && last.span === span) last.hardBreak = true;
      else pieces.push({ span, text: '', space: false, hardBreak: true });
    }
  }
  return pieces;
}

/** Pieces split at hard line breaks. */
function paragraphs(pieces: readonly Piece[]): Piece[][] {
  const out: Piece[][] = [[]];
  for (const piece of pieces) {
    out[out.length - 1]!.push(piece);
    if (piece.hardBreak) out.push([]);
  }
  return out.filter((p) => p.length > 0);
}

/** Words (runs of pieces between spaces, across spans) with their widths at `fontSize`. */
async function measureWords(paragraph: readonly Piece[], fontSize: number, measure: MeasureSpan): Promise<Word[]> {
  const words: Word[] = [];
  let current: Word | undefined;
  for (const piece of paragraph) {
    if (piece.space) {
      // Leading spaces are dropped at a line's start by the engine; they belong to no word.
      if (current) {
        current.spaceAfter = piece;
        current.spaceWidth = (await measure(piece.text, piece.span)) * fontSize;
      }
      current = undefined;
      continue;
    }
    if (piece.text === '') continue;
    if (!current) {
      current = { width: 0, spaceWidth: 0 };
      words.push(current);
    }
    current.width += (await measure(piece.text, piece.span)) * fontSize;
  }
  // The paragraph's last word has no space to break at.
  const last = words[words.length - 1];
  if (last) delete last.spaceAfter;
  return words;
}

/** First-fit fill: the indexes of the words that end a line (the paragraph's last not included). */
function firstFit(words: readonly Word[], width: number): number[] {
  const breaks: number[] = [];
  let line = 0;
  words.forEach((word, i) => {
    const previous = words[i - 1];
    const wanted = line === 0 ? word.width : line + (previous?.spaceWidth ?? 0) + word.width;
    if (line > 0 && wanted > width) {
      breaks.push(i - 1);
      line = word.width;
    } else line = wanted;
  });
  return breaks;
}

/** The spans again, with a line break in place of each chosen space. */
function joinPieces(pieces: readonly Piece[], breaks: ReadonlySet<Piece>): Span[] {
  const out: Span[] = [];
  let current: Span | undefined;
  let source: Span | undefined;
  for (const piece of pieces) {
    if (piece.span !== source) {
      source = piece.span;
      const { lineBreak: _ignored, ...rest } = piece.span;
      current = { ...rest, text: '' };
      out.push(current);
    }
    current!.text += breaks.has(piece) ? '\n' : piece.text;
    if (piece.hardBreak) current!.lineBreak = true;
  }
  return out;
}
