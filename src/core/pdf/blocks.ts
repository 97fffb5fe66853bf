import type { Column, Content } from 'pdfmake/interfaces.js';
import { capsLabel } from './caps-label.js';
import type { Block, ListItem } from '../model.js';
import { inlines } from './inline.js';
import { keepTogether, keepWithNext } from './keep.js';
import { element, headingRole } from './tags.js';
import type { Theme } from './theme.js';

/**
 * Markdown blocks → pdfmake content, styled by the theme. Headings keep the start of their
 * following block on the same page (keep.ts), unless `keep` is false: inside a table cell a page
 * break cannot be placed. With `outlineParent`, `###` headings become bookmarks under it.
 */
export function blocks(list: readonly Block[], theme: Theme, tipLabel = 'Tip', outlineParent?: string, keep = true): Content[] {
  const out: Content[] = [];
  // Blocks sit under a section heading (H2). A heading never skips a level in the structure
  // (PDF/UA, Matterhorn 14-003), even when the Markdown jumps from `##` to `####`.
  let previousLevel = 2;
  for (let i = 0; i < list.length; i++) {
    const block = list[i]!;
    if (block.kind !== 'heading') {
      out.push(located(block_(block, theme, tipLabel, keep), block.line));
      continue;
    }
    // A run of headings ("### A" straight after "## B") and the block under them: each heading is
    // held to what follows it, so the run never ends a page without the start of that block.
    const run: Content[] = [];
    for (; i < list.length && list[i]!.kind === 'heading'; i++) {
      const heading = list[i] as Extract<Block, { kind: 'heading' }>;
      previousLevel = Math.min(heading.level, previousLevel + 1);
      run.push(located(headingNode(heading, previousLevel, theme, outlineParent), heading.line));
    }
    const next = list[i];
    let tail: Content[] = next ? [located(block_(next as Exclude<Block, { kind: 'heading' }>, theme, tipLabel, keep), next.line)] : [];
    if (!next) i--;
    if (!keep) {
      out.push(...run, ...tail);
      continue;
    }
    // A heading is never left alone at the foot of a page: it travels with the next block.
    for (let h = run.length - 1; h >= 0; h--) tail = keepWithNext(run[h]!, tail.length > 1 ? { stack: tail } : tail[0]);
    out.push(...tail);
  }
  return out;
}

/** One list item (`LI`): pdfmake draws its marker (`Lbl`), the body is its first paragraph, then nested blocks. */
export function listItem(item: ListItem, theme: Theme, tipLabel = 'Tip', keep = true): Content {
  return listItemNode(listBody(item, theme, tipLabel, keep));
}

/** A list item's body (`LBody`) content. */
export function listBody(item: ListItem, theme: Theme, tipLabel = 'Tip', keep = true): Content[] {
  return [
    { text: inlines(item.spans, { linkColor: theme.colors.accent }), tag: element('P'), sourceLine: item.line },
    ...blocks(item.children, theme, tipLabel, undefined, keep),
  ];
}

/** An `LI` whose body is `body`, with an optional printed label (`Lbl`) of our own before it. */
export function listItemNode(body: Content[], label?: Content): Content {
  const bodyNode = { stack: body, tag: element('LBody') };
  if (!label) return { stack: [bodyNode], tag: element('LI') };
  return {
    columns: [{ ...(label as object), tag: element('Lbl') } as Column, { stack: body, tag: element('LBody'), width: '*' }],
    tag: element('LI'),
  };
}

/** A bulleted (`ul`) or numbered (`ol`) list node: an `L` of the given `LI` items (`extra` may give the `L` a parent). */
export function listNode(items: Content[], ordered = false, extra: Record<string, unknown> = {}): Content {
  return { ...(ordered ? { ol: items } : { ul: items }), tag: element('L'), ...extra } as Content;
}

/**
 * A tinted box with a coloured rule on the left, used for tips; on one page when it fits on one
 * (unless `keep` is false: in a table cell).
 */
export function tipBox(content: readonly Block[], theme: Theme, label: string, keep = true): Content {
  const box: Content = {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [capsLabel(label, theme, { margin: [0, 0, 0, 2] }), ...blocks(content, theme, 'Tip', undefined, false)],
          },
        ],
      ],
    },
    tag: element('Sect'),
    layout: {
      fillColor: () => theme.colors.tipTint,
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? 3 : 0),
      vLineColor: () => theme.colors.tipRule,
      paddingLeft: () => 10,
      paddingRight: () => 10,
      paddingTop: () => 7,
      paddingBottom: () => 7,
    },
    margin: [0, 4, 0, 8],
  };
  return keep ? keepTogether(box) : box;
}

// --- internal ---

/** The source line a node was made from, where a render reports text it did not draw (pdf/ledger.ts). */
function located(node: Content, line: number): Content {
  return typeof node === 'object' && !Array.isArray(node) ? Object.assign({ sourceLine: line }, node) : node;
}

function block_(block: Exclude<Block, { kind: 'heading' }>, theme: Theme, tipLabel: string, keep: boolean): Content {
  switch (block.kind) {
    case 'paragraph':
      return { text: inlines(block.spans, { linkColor: theme.colors.accent }), margin: [0, 0, 0, 6], tag: element('P') };
    case 'list': {
      const items = block.items.map((item) => listItem(item, theme, tipLabel, keep));
      return listNode(items, block.ordered, {
        ...(block.ordered && { start: block.start }),
        markerColor: theme.colors.accent,
        margin: [0, 0, 0, 6],
      });
    }
    case 'tip':
      return tipBox(block.blocks, theme, tipLabel, keep);
    case 'quote':
      return {
        stack: blocks(block.blocks, theme, tipLabel, undefined, keep),
        margin: [14, 0, 0, 6],
        italics: true,
        color: theme.colors.muted,
        tag: element('BlockQuote'),
      };
  }
}

function headingNode(block: Extract<Block, { kind: 'heading' }>, level: number, theme: Theme, outlineParent?: string): Content {
  const size = block.level === 3 ? theme.sizes.h3 : theme.fontSize;
  const mark = outlineParent && block.level === 3 ? bookmark(block.spans.map((s) => s.text).join(''), undefined, outlineParent) : {};
  return {
    text: inlines(block.spans, { printAddress: false }),
    bold: true,
    fontSize: size,
    color: theme.colors.accent,
    margin: [0, 8, 0, 3],
    headlineLevel: block.level,
    tag: element(headingRole(level)),
    ...mark,
  };
}

/**
 * pdfmake properties that make a text node a bookmark (PDF outline entry) in the viewer's
 * sidebar. pdfmake takes the node's `id` (also a link destination) as the bookmark's own id,
 * under which later bookmarks nest.
 */
export function bookmark(text: string, id?: string, parentId?: string): Record<string, unknown> {
  return {
    outline: true,
    outlineText: text.replace(/\s+/g, ' ').trim(),
    ...(id && { id }),
    ...(parentId && { outlineParentId: parentId }),
  };
}
