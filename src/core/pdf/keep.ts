import type { Content, Node, NodeQueries } from 'pdfmake/interfaces.js';

/**
 * Keeping things together without losing them. pdfmake drops an `unbreakable` block that is
 * taller than a page, silently (docs/pdfmake.md §5), so no product uses `unbreakable`. Instead
 * nodes are marked here, and the document's `pageBreakBefore` (`keepRule`) moves a marked node to
 * the next page only when that helps: pdfmake lays the document out, asks about each node once,
 * and lays it out again after every break.
 *
 * The one rule for headings (docs/print.md): a heading is never the last thing on its page; at
 * least two lines of what it heads go with it, whatever that is (paragraph, list, table, box).
 * It holds along a chain: when what a heading heads is itself held to what follows it (a `###`
 * under a section heading, a block kept with the tip after it) or kept together on one page, the
 * heading moves when the chain would break below it. pdfmake asks about a node once, before the
 * nodes after it, so the heading has to answer for its whole chain from the layout it sees.
 *
 * The marks travel in `style`, one of the few keys pdfmake hands to `pageBreakBefore`, on a stack
 * around the node; no document defines styles of these names, so they change nothing else.
 */
const KEEP_WITH_NEXT = 'dk-keep-with-next';
const FOLLOWS_HEADING = 'dk-follows-heading';
const KEEP_TOGETHER = 'dk-keep-together';
const RUNNING = 'dk-running';
/** A heading and what it heads share a pair mark, so the rule finds the right follower. */
const PAIR = 'dk-pair-';
let pairs = 0;

/** A heading (or the block before a tip) that must not be left at the foot of a page without the start of `first`. */
export function keepWithNext(heading: Content, first: Content | undefined): Content[] {
  if (!first) return [heading];
  const pair = `${PAIR}${(pairs = (pairs + 1) % 1e9)}`;
  return [withStyle(heading, [KEEP_WITH_NEXT, pair]), withStyle(first, [FOLLOWS_HEADING, pair])];
}

/** A running footer: laid out between pages, and not text any heading heads. */
export function runningFooter(node: Content): Content {
  return withStyle(node, [RUNNING]);
}

/** A block printed on one page when it fits on one; split across pages when it does not. */
export function keepTogether(node: Content): Content {
  return withStyle(node, [KEEP_TOGETHER]);
}

/** Nodes this close to the top of their page (in points) are already as high as they can go. */
const TOP_OF_PAGE = 30;

/**
 * The document's `pageBreakBefore`, for body text whose lines are about `lineAdvance` points
 * apart: two of them are what a heading needs below it.
 */
export function keepRule(lineAdvance: number): (node: Node, nodes: NodeQueries) => boolean {
  return (node, nodes) => {
    if (has(node, KEEP_TOGETHER) && wouldFitOnNextPage(node)) return true;
    if (!has(node, KEEP_WITH_NEXT)) return false;
    return chainBreaks(node, following(node, nodes), lineAdvance);
  };
}

// --- internal ---

/**
 * Whether `head`, kept with what follows it, must go to the next page: what it heads starts on a
 * later page, or leaves fewer than two lines on this one, or would itself move (kept together, or
 * the head of a chain of its own). `after` is every node after `head`, in layout order.
 */
function chainBreaks(head: Node, after: readonly Node[], lineAdvance: number): boolean {
  // A head already at the top of a page cannot go higher; one that spans pages gains nothing by moving.
  if (atTopOfPage(head) || head.pageNumbers.length > 1) return false;
  const page = head.pageNumbers[0]!;
  const pair = pairOf(head);
  const index = after.findIndex((n) => has(n, FOLLOWS_HEADING) && pairOf(n) === pair);
  if (index < 0) return false;
  const follower = after[index]!;
  if (follower.pageNumbers[0]! > page) return true;
  // The follower's wrappers and first block start where it starts: each may move on its own.
  for (let i = index; i < after.length && samePlace(after[i]!, follower); i++) {
    const inner = after[i]!;
    if (has(inner, KEEP_TOGETHER) && wouldFitOnNextPage(inner)) return true;
    if (i > index && has(inner, KEEP_WITH_NEXT) && chainBreaks(inner, after.slice(i + 1), lineAdvance)) return true;
  }
  return follower.pageNumbers.includes(page + 1) && linesOnPage(after.slice(index), page, lineAdvance) < 2;
}

/**
 * Lines of text from the start of `from` to the foot of `page`: the distinct tops of text nodes
 * there, or, for a paragraph that starts there and runs on, as many lines as the room left holds.
 */
function linesOnPage(from: readonly Node[], page: number, lineAdvance: number): number {
  const tops = new Set<number>();
  let last: Node | undefined;
  for (const n of from) {
    // A page's running footer is laid out when the page is left, after its last line.
    if (n.startPosition.pageNumber > page || has(n, RUNNING)) break;
    if (n.text === undefined) continue;
    tops.add(Math.round(n.startPosition.top));
    last = n;
  }
  if (!last) return 0;
  const runsOn = last.pageNumbers.includes(page + 1);
  const room = (1 - last.startPosition.verticalRatio) * last.startPosition.pageInnerHeight;
  return tops.size - 1 + (runsOn ? Math.max(1, Math.floor(room / lineAdvance)) : 1);
}

/** Every node after this one in layout order: the rest of its page, then those only on the next. */
function following(node: Node, nodes: NodeQueries): Node[] {
  const page = node.pageNumbers[0]!;
  return [...nodes.getFollowingNodesOnPage(), ...nodes.getNodesOnNextPage().filter((n) => !n.pageNumbers.includes(page))];
}

function samePlace(a: Node, b: Node): boolean {
  return a.startPosition.pageNumber === b.startPosition.pageNumber && Math.abs(a.startPosition.top - b.startPosition.top) < 0.5;
}

function wouldFitOnNextPage(node: Node): boolean {
  return node.pageNumbers.length === 2 && !atTopOfPage(node);
}

function atTopOfPage(node: Node): boolean {
  const position = node.startPosition;
  return position.verticalRatio * position.pageInnerHeight < TOP_OF_PAGE;
}

function styles(node: Node): readonly string[] {
  const style = node.style as unknown;
  return Array.isArray(style) ? (style as string[]) : typeof style === 'string' ? [style] : [];
}

function has(node: Node, mark: string): boolean {
  return styles(node).includes(mark);
}

function pairOf(node: Node): string | undefined {
  return styles(node).find((s) => s.startsWith(PAIR));
}

/**
 * The mark goes on a stack around the node: pdfmake collects a stack's positions from what is in
 * it, while a list's own node has none (and would never be asked).
 */
function withStyle(node: Content, style: string[]): Content {
  return { stack: [node], style };
}

/**
 * The pair marks renumbered in the order they appear in `content`: the marks are made by a
 * counter that runs on over documents, and a document definition should not depend on what the
 * process made before it. Returns a copy; nodes without marks are kept as they are.
 */
export function numberPairs<T>(content: T): T {
  const numbers = new Map<string, string>();
  const rename = (style: string) => {
    if (!style.startsWith(PAIR)) return style;
    if (!numbers.has(style)) numbers.set(style, `${PAIR}${numbers.size + 1}`);
    return numbers.get(style)!;
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const n = node as Record<string, unknown>;
    const out: Record<string, unknown> = { ...n };
    if (Array.isArray(n['style'])) out['style'] = (n['style'] as string[]).map(rename);
    for (const key of ['stack', 'columns', 'ul', 'ol'] as const) if (key in n) out[key] = walk(n[key]);
    if (n['table'] && typeof n['table'] === 'object') {
      const table = n['table'] as Record<string, unknown>;
      out['table'] = { ...table, body: walk(table['body']) };
    }
    return out;
  };
  return walk(content) as T;
}
