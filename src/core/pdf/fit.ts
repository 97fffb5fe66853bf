import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Span } from '../model.js';
import { problem, type Problem } from '../messages/index.js';
import { balanceLines } from './balance.js';
import type { Typesetter } from './typeset.js';

/** The text of one box to fit: a prompt and the smaller lines under it. */
export interface FitBox {
  prompt: Span[];
  details: Span[][];
  /** Source line, for warnings. */
  line: number;
}

export interface FitSpec {
  width: number;
  height: number;
  /** Prompt font size bounds in points. */
  min: number;
  max: number;
  /** Details are set at this fraction of the prompt size. */
  detailsRatio: number;
  lineHeight: number;
  font: string;
  /** The box's content at a prompt size: the same content the real page gets. */
  content: (box: FitBox, fontSize: number) => Content;
  typesetter: Typesetter;
}

export interface Fitted {
  /** The box as set: words too long for the box at the minimum size are hyphenated. */
  box: FitBox;
  fontSize: number;
  /** The content's height at that size. */
  height: number;
  problems: { line: number; problem: Problem }[];
}

/** Sizes are chosen to this step (points); finer makes no visible difference from across a room. */
const STEP = 0.5;
/** Below this even a very long prompt is not shrunk further; it would be unreadable anyway. */
const FLOOR = 8;

/**
 * Chooses, per box, the largest prompt size in [min, max] at which the content fits the box, by
 * laying it out with the real engine. No word may be broken: the size is capped so the longest
 * word fits the width. All boxes are searched together, one probe document per round (each box a
 * section of `height: 'auto'`), so a topic costs about eight layout passes, not eight per box.
 */
export async function fitSizes(boxes: readonly FitBox[], spec: FitSpec): Promise<Fitted[]> {
  const states = await Promise.all(boxes.map((box) => prepare(box, spec)));
  // All unresolved boxes are searched together: `hi` never fits; `lo` fits once `verified`.
  let round = states.filter((s) => !s.done);
  // First try every box at its cap: short prompts end here.
  await probe(
    round,
    (s) => s.hi,
    spec,
    (s, size, height) => {
      if (height <= spec.height) Object.assign(s, { done: true, size, height });
      else s.last = { size, height };
    },
  );
  // Then guess from the last measurement (text area grows with the square of the size), which
  // usually lands within a step or two; bisect when a guess would not narrow the bracket.
  const search = async (lowest: number) => {
    while ((round = states.filter((s) => !s.done && s.hi - s.lo > STEP)).length > 0) {
      await probe(
        round,
        (s) => nextSize(s, spec.height, lowest),
        spec,
        (s, size, height) => {
          if (height <= spec.height) Object.assign(s, { lo: size, height, verified: true });
          else s.hi = size;
          s.last = { size, height };
        },
      );
    }
  };
  await search(spec.min);
  round = states.filter((s) => !s.done && !s.verified);
  await probe(
    round,
    (s) => s.lo,
    spec,
    (s, size, height) => {
      if (height <= spec.height) Object.assign(s, { height, verified: true });
      else {
        // Even the minimum does not fit: go below it, and say so.
        s.problems.push({ line: s.box.line, problem: problem('DK0320', { size: round1(spec.min) }) });
        Object.assign(s, { hi: size, lo: FLOOR, height: NaN, last: { size, height } });
      }
    },
  );
  await search(FLOOR);
  // Boxes that ended on an unmeasured `lo` (the floor) are measured once more, for placement.
  const unmeasured = states.filter((s) => !s.done && Number.isNaN(s.height));
  await probe(
    unmeasured,
    (s) => s.lo,
    spec,
    (s, _size, height) => (s.height = height),
  );
  return states.map((s) => ({ box: s.box, fontSize: s.done ? s.size : s.lo, height: s.height, problems: s.problems }));
}

/**
 * The fitted boxes with their prompts broken into balanced lines (balance.ts) at the size chosen
 * for them. The balanced text is laid out once more with the real engine, all boxes in one probe:
 * a box the engine would set taller than before (its lines and ours disagree) keeps its own.
 */
export async function balanceFitted(fitted: readonly Fitted[], spec: FitSpec): Promise<Fitted[]> {
  const face = (italics: boolean | undefined) => ({ font: spec.font, bold: true, ...(italics && { italics }) });
  const prompts = await Promise.all(
    fitted.map((f) =>
      balanceLines(f.box.prompt, spec.width, f.fontSize, (text, span) => spec.typesetter.textWidth(text, face(span.italic))),
    ),
  );
  const changed = fitted.flatMap((f, i) =>
    prompts[i] === f.box.prompt ? [] : [{ index: i, box: { ...f.box, prompt: [...prompts[i]!] } }],
  );
  if (changed.length === 0) return [...fitted];
  const heights = await measure(
    changed.map((c) => spec.content(c.box, fitted[c.index]!.fontSize)),
    spec,
  );
  const out = [...fitted];
  changed.forEach((c, i) => {
    const before = fitted[c.index]!;
    if (heights[i]! <= before.height + 0.01) out[c.index] = { ...before, box: c.box, height: heights[i]! };
  });
  return out;
}

// --- internal ---

interface State {
  box: FitBox;
  lo: number;
  hi: number;
  /** Whether `lo` was measured and fits (the minimum is assumed to until checked). */
  verified?: boolean;
  last?: { size: number; height: number };
  done: boolean;
  size: number;
  height: number;
  problems: Fitted['problems'];
}

async function prepare(original: FitBox, spec: FitSpec): Promise<State> {
  const problems: Fitted['problems'] = [];
  const face = { font: spec.font, bold: true };
  // The longest word at 1 pt, prompt (bold) and details (regular, at their ratio).
  const promptWidth = await widest(original.prompt, face, spec.typesetter);
  const detailWidth =
    (await Promise.all(original.details.map((d) => widest(d, { font: spec.font }, spec.typesetter)))).reduce((a, b) => Math.max(a, b), 0) *
    spec.detailsRatio;
  // A little slack: pdfmake's line width and ours must not disagree by a rounding.
  const cap = (spec.width * 0.99) / Math.max(promptWidth, detailWidth, 1e-6);
  let box = original;
  let hi = Math.min(spec.max, cap);
  if (hi < spec.min) {
    const limit = (spec.width * 0.99) / spec.min;
    const broken = await hyphenate(original, limit, spec);
    box = broken.box;
    for (const word of broken.words) {
      problems.push({ line: original.line, problem: problem('DK0321', { word, size: round1(spec.min) }) });
    }
    hi = spec.min;
  }
  const lo = Math.min(spec.min, hi);
  return { box, lo: snapDown(lo), hi: snapDown(hi), done: false, size: 0, height: NaN, problems };
}

/** Lays out every state's content at its size in one probe document and reports each height. */
async function probe(
  states: State[],
  sizeOf: (s: State) => number,
  spec: FitSpec,
  report: (s: State, size: number, height: number) => void,
): Promise<void> {
  if (states.length === 0) return;
  const sizes = states.map(sizeOf);
  const heights = await measure(
    states.map((s, i) => spec.content(s.box, sizes[i]!)),
    spec,
  );
  states.forEach((s, i) => report(s, sizes[i]!, heights[i]!));
}

/** The height of each content at the box's width: one probe document, a page of `height: 'auto'` each. */
async function measure(contents: readonly Content[], spec: FitSpec): Promise<number[]> {
  const doc: TDocumentDefinitions = {
    pageSize: { width: spec.width, height: 'auto' },
    pageMargins: [0, 0, 0, 0],
    defaultStyle: { font: spec.font },
    content: contents.map((content) => ({
      section: [content],
      pageSize: { width: spec.width, height: 'auto' },
      // `pageMargins: 0` on a section is ignored by pdfmake 0.3 (docs/pdfmake.md §5); an array is not.
      pageMargins: [0, 0, 0, 0],
    })) as unknown as Content[],
  };
  const heights = await spec.typesetter.measureHeights(doc);
  if (heights.length !== contents.length) throw new Error(`fit probe laid out ${heights.length} pages for ${contents.length} boxes`);
  return heights;
}

async function widest(spans: readonly Span[], face: { font: string; bold?: boolean }, typesetter: Typesetter): Promise<number> {
  const words = spans.flatMap((s) => s.text.split(/\s+/)).filter(Boolean);
  let max = 0;
  for (const word of words) max = Math.max(max, await typesetter.textWidth(word, face));
  return max;
}

/** Splits words wider than `limit` (at 1 pt) into hyphenated pieces that each fit, so pdfmake breaks there. */
async function hyphenate(box: FitBox, limit: number, spec: FitSpec): Promise<{ box: FitBox; words: string[] }> {
  const words: string[] = [];
  const face = { font: spec.font, bold: true };
  const prompt: Span[] = [];
  for (const span of box.prompt) {
    const parts = span.text.split(/(\s+)/);
    const out: string[] = [];
    for (const part of parts) {
      if (/^\s*$/.test(part) || (await spec.typesetter.textWidth(part, face)) <= limit) {
        out.push(part);
        continue;
      }
      words.push(part.replace(/^[\p{P}]+|[\p{P}]+$/gu, ''));
      out.push(await splitWord(part, limit, (t) => spec.typesetter.textWidth(t, face)));
    }
    prompt.push({ ...span, text: out.join('') });
  }
  return { box: { ...box, prompt }, words };
}

/** Greedy: as many letters as fit with a trailing hyphen, then the rest, joined by hyphens (a break opportunity after each, by UAX 14). */
async function splitWord(word: string, limit: number, width: (text: string) => Promise<number>): Promise<string> {
  const letters = [...word];
  const pieces: string[] = [];
  let start = 0;
  while (start < letters.length) {
    let end = letters.length;
    if ((await width(letters.slice(start).join(''))) > limit) {
      end = start + 1;
      while (end < letters.length && (await width(letters.slice(start, end + 1).join('') + '-')) <= limit) end++;
    }
    pieces.push(letters.slice(start, end).join(''));
    start = end;
  }
  return pieces.join('-');
}

/** The next size to probe: an estimate from the last measurement inside the bracket, else its middle. */
function nextSize(s: State, target: number, lowest: number): number {
  const middle = snap((s.lo + s.hi) / 2);
  if (!s.last) return middle;
  // Slightly under the estimate, so a guess tends to fit and raise `lo`.
  const guess = snapDown(s.last.size * Math.sqrt(target / s.last.height) * 0.99);
  if (guess <= s.lo) return s.verified || s.lo < lowest ? middle : s.lo;
  if (guess >= s.hi) return middle;
  // A guess right next to a bound only moves it by one step: bisect instead when the bracket is wide.
  return guess - s.lo < STEP * 1.5 && s.hi - s.lo > 4 * STEP ? middle : guess;
}

function snap(size: number): number {
  return Math.round(size / STEP) * STEP;
}

function snapDown(size: number): number {
  return Math.floor(size / STEP) * STEP;
}

function round1(value: number): string {
  return String(Math.round(value * 10) / 10);
}
