import type { Content, Node, NodeQueries } from 'pdfmake/interfaces.js';

/**
 * Keeping things together without losing them. pdfmake drops an `unbreakable` block that is
 * taller than a page, silently (pdfmake-notes §8, pdfmake #207), so no product uses
 * `unbreakable`. Instead nodes are marked here, and `keepRule` (the document's
 * `pageBreakBefore`) moves a marked node to the next page only when that helps: pdfmake lays
 * the document out, asks about each node once, and lays it out again after every break.
 *
 * The marks travel in `style`, one of the few keys pdfmake hands to `pageBreakBefore`, on a
 * stack around the node; no document defines styles of these names, so they change nothing else.
 */
const KEEP_WITH_NEXT = 'dk-keep-with-next';
const FOLLOWS_HEADING = 'dk-follows-heading';
const KEEP_TOGETHER = 'dk-keep-together';

/** A heading (or the block before a tip) that must not be left at the foot of a page without the start of `first`. */
export function keepWithNext(heading: Content, first: Content | undefined): Content[] {
  if (!first) return [heading];
  return [withStyle(heading, KEEP_WITH_NEXT), withStyle(first, FOLLOWS_HEADING)];
}

/** A block printed on one page when it fits on one; split across pages when it does not. */
export function keepTogether(node: Content): Content {
  return withStyle(node, KEEP_TOGETHER);
}

/** Nodes this close to the top of their page (in points) are already as high as they can go. */
const TOP_OF_PAGE = 30;

/**
 * The document's `pageBreakBefore`. A node marked to keep together breaks to the next page when
 * it runs over the foot of this page but would fit on one page (it spans two pages, and does not
 * start at the top of one). A heading breaks when the block after it would: the pair moves as one,
 * as `unbreakable` did, yet a block taller than a page is split instead of dropped.
 */
export function keepRule(node: Node, nodes: NodeQueries): boolean {
  if (node.style === KEEP_TOGETHER) return wouldFitOnNextPage(node);
  if (node.style !== KEEP_WITH_NEXT) return false;
  if (atTopOfPage(node)) return false;
  const page = node.pageNumbers[0];
  // The heading's own follower is the first marked one after it; later ones come after it on paper.
  const follower = [...nodes.getFollowingNodesOnPage(), ...nodes.getNodesOnNextPage()].find((n) => n.style === FOLLOWS_HEADING);
  if (!follower) return false;
  if (follower.pageNumbers[0] !== page) return true;
  return follower.pageNumbers.length === 2 && !atTopOfPage(follower);
}

// --- internal ---

function wouldFitOnNextPage(node: Node): boolean {
  return node.pageNumbers.length === 2 && !atTopOfPage(node);
}

function atTopOfPage(node: Node): boolean {
  const position = node.startPosition;
  return position.verticalRatio * position.pageInnerHeight < TOP_OF_PAGE;
}

/**
 * The mark goes on a stack around the node: pdfmake collects a stack's positions from what is in
 * it, while a list's own node has none (and would never be asked).
 */
function withStyle(node: Content, style: string): Content {
  return { stack: [node], style };
}
