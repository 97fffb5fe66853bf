import type { Inline, LaidOutLine, PageItem } from './structure.js';
import { isArtifact, type StructureTag, type Tag } from './tags.js';

/**
 * Text conservation: every character a document definition's `content` asks for is drawn.
 * pdfmake drops some content without a word (a block kept together, `unbreakable`, that is taller
 * than a page); this ledger is how a render notices.
 *
 * Text is counted per owner: the innermost structure tag around it (`tag` on a node or on an
 * inline), or one shared owner for untagged text. Before the render the definition is walked;
 * during it the renderer hooks add up what is drawn. Blank characters and soft hyphens do not
 * count (pdfmake drops spaces at line ends), artifacts (running footers, watermarks) are not
 * content, and text drawn more than once (repeated table headers) is never a loss.
 *
 * Text drawn outside the page box is not drawn for the reader: it counts as lost, and so does
 * artifact text (a running footer) that runs off the page, which no owner counts (issue 35).
 *
 * A node may name the source line it was made from (`sourceLine`); the loss is reported there,
 * and where its text was drawn is kept as data (`places`): `dialogkit preview` takes a click on a
 * page to that line without searching the text.
 */
export interface TextLedger {
  hooks: LedgerHooks;
  report(): LedgerReport;
}

export interface LedgerHooks {
  beginItem(doc: unknown, item: PageItem): void;
  beginInline(doc: unknown, line: LaidOutLine, inline: Inline): void;
}

export interface LedgerReport {
  /** How many times the renderer called the hooks: 0 means pdfmake is not patched. */
  calls: number;
  /** Characters the definition has to draw (blank ones not counted). */
  expected: number;
  lost: LostText[];
  /** Where text with a source line was drawn, one box per run of a line. */
  places: SourcePlace[];
}

/** A box on a page (points from the page's top left corner) drawn from one source line. */
export interface SourcePlace {
  /** 0-based page index. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  line: number;
}

/** Text of one owner that was not drawn, or not all of it. */
export interface LostText {
  /** The source line of the nearest node around it that names one. */
  sourceLine?: number;
  /** The owner's text as the definition has it, shortened. */
  sample: string;
  expected: number;
  drawn: number;
  /** Some of it was drawn, but outside the page box. */
  offPage?: boolean;
}

/** Reads the definition's `content` now: pdfmake changes the object it renders. */
export function createTextLedger(content: unknown): TextLedger {
  const owners = new Map<Owner, { expected: number; drawn: number; off: number; text: string; sourceLine?: number }>();
  const offArtifacts: LostText[] = [];
  let calls = 0;
  const places: SourcePlace[] = [];
  let page = -1;
  let pageObject: unknown;

  const add = (owner: Owner, text: string, sourceLine: number | undefined) => {
    const count = visibleLength(text);
    if (count === 0) return;
    const entry = owners.get(owner) ?? { expected: 0, drawn: 0, off: 0, text: '' };
    entry.expected += count;
    if (entry.text.length < SAMPLE) entry.text += text;
    entry.sourceLine ??= sourceLine;
    owners.set(owner, entry);
  };
  walk(content, UNTAGGED, undefined, add);

  return {
    hooks: {
      beginItem(doc) {
        calls++;
        // pdfmake renders page after page: a new pdfkit page object is the next page.
        const current = (doc as { page?: unknown } | undefined)?.page;
        if (current !== pageObject) {
          pageObject = current;
          page++;
        }
      },
      beginInline(doc, line, inline) {
        calls++;
        if (line._listMarker) return;
        const owner = innermost(inline.tag ? [...(line._tags ?? []), inline.tag] : (line._tags ?? []));
        const entry = owner && owners.get(owner);
        const count = visibleLength(inline.text);
        const off = outsidePage(doc, line, inline);
        if (entry) {
          if (off) entry.off += count;
          else entry.drawn += count;
          if (entry.sourceLine !== undefined) place(line, inline, entry.sourceLine);
        } else if (off && count > 0 && owner === undefined)
          offArtifacts.push({ sample: shorten(inline.text), expected: count, drawn: 0, offPage: true });
      },
    },
    report() {
      let expected = 0;
      const lost: LostText[] = [];
      for (const entry of owners.values()) {
        expected += entry.expected;
        if (entry.drawn < entry.expected) {
          lost.push({
            ...(entry.sourceLine !== undefined && { sourceLine: entry.sourceLine }),
            sample: shorten(entry.text),
            expected: entry.expected,
            drawn: entry.drawn,
            ...(entry.off > 0 && { offPage: true }),
          });
        }
      }
      return { calls, expected, lost: [...lost, ...offArtifacts], places };
    },
  };

  /** Widens the last box when the run continues it (same line of text, same source line). */
  function place(line: LaidOutLine, inline: Inline, sourceLine: number): void {
    if (line.x === undefined || line.y === undefined) return;
    const x = line.x + (inline.x ?? 0);
    const width = inline.width ?? 0;
    const height = line.getHeight?.() ?? 0;
    const last = places.at(-1);
    if (last && last.page === page && last.y === line.y && last.line === sourceLine && x >= last.x) {
      last.width = Math.max(last.width, x + width - last.x);
      return;
    }
    places.push({ page: Math.max(page, 0), x, y: line.y, width, height, line: sourceLine });
  }
}

// --- internal ---

type Owner = StructureTag | typeof UNTAGGED;

/** The owner of text that no structure tag encloses. */
const UNTAGGED = Symbol('untagged');
const SAMPLE = 60;

function shorten(text: string): string {
  const sample = text.replace(/[\s\u00ad]+/g, (m) => (/\s/.test(m) ? ' ' : '')).trim();
  return sample.length > SAMPLE ? `${sample.slice(0, SAMPLE)}…` : sample;
}

/** Half a point of slack: pdfmake's own rounding, not an overflow. */
const EDGE_SLACK = 0.5;

/**
 * Whether an inline is drawn (partly) outside its page: pdfmake places a line at `x`/`y` (top
 * left, points) and each inline at `x` within it; pdfkit's current page has the paper's size.
 */
function outsidePage(doc: unknown, line: LaidOutLine, inline: Inline): boolean {
  const page = (doc as { page?: { width: number; height: number } }).page;
  if (!page || line.x === undefined || line.y === undefined) return false;
  const left = line.x + (inline.x ?? 0);
  const right = left + (inline.width ?? 0);
  const bottom = line.y + (line.getHeight?.() ?? 0);
  return left < -EDGE_SLACK || right > page.width + EDGE_SLACK || line.y < -EDGE_SLACK || bottom > page.height + EDGE_SLACK;
}

/** The walk's answer to "who owns this text?": the innermost tag, or none for artifacts. */
function innermost(chain: readonly Tag[]): Owner | undefined {
  if (chain.some(isArtifact)) return undefined;
  return (chain.at(-1) as StructureTag | undefined) ?? UNTAGGED;
}

/** Characters that print: not blank, not a soft hyphen. */
function visibleLength(text: string): number {
  let count = 0;
  for (const char of text) if (!/[\s\u00ad]/u.test(char)) count++;
  return count;
}

interface Node {
  tag?: Tag;
  sourceLine?: number;
  text?: unknown;
  stack?: unknown;
  columns?: unknown;
  ul?: unknown;
  ol?: unknown;
  table?: { body?: unknown };
}

/** The content nodes pdfmake lays out, and where text sits in them. */
function walk(
  node: unknown,
  owner: Owner,
  sourceLine: number | undefined,
  add: (owner: Owner, text: string, line: number | undefined) => void,
): void {
  if (node === null || node === undefined) return;
  if (typeof node === 'string' || typeof node === 'number') return add(owner, String(node), sourceLine);
  if (Array.isArray(node)) return node.forEach((child) => walk(child, owner, sourceLine, add));
  if (typeof node !== 'object') return;
  const n = node as Node;
  if (n.tag && isArtifact(n.tag)) return;
  const here = n.tag ?? owner;
  const line = n.sourceLine ?? sourceLine;
  if (n.text !== undefined) return inlineText(n.text, here, line, add);
  for (const children of [n.stack, n.columns, n.ul, n.ol, n.table?.body]) walk(children, here, line, add);
}

/**
 * A text node's inlines. pdfmake flattens nested inline arrays and keeps only the innermost
 * inline's own properties (its `tag` too), so an inline's tag owns its own string only.
 */
function inlineText(
  text: unknown,
  owner: Owner,
  sourceLine: number | undefined,
  add: (owner: Owner, text: string, line: number | undefined) => void,
): void {
  if (typeof text === 'string' || typeof text === 'number') return add(owner, String(text), sourceLine);
  if (Array.isArray(text)) return text.forEach((item) => inlineText(item, owner, sourceLine, add));
  if (text && typeof text === 'object') {
    const item = text as Node;
    if (item.tag && isArtifact(item.tag)) return;
    const inner = Array.isArray(item.text) ? owner : (item.tag ?? owner);
    inlineText(item.text, inner, sourceLine, add);
  }
}
