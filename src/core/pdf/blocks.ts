import type { Content } from 'pdfmake/interfaces.js';
import type { Block, ListItem } from '../model.js';
import { inlines } from './inline.js';
import { element, headingRole } from './tags.js';
import type { Theme } from './theme.js';

/**
 * Markdown blocks → pdfmake content, styled by the theme. Headings keep their first following
 * block on the same page. With `outlineParent`, `###` headings become bookmarks under it.
 */
export function blocks(list: readonly Block[], theme: Theme, tipLabel = 'Tip', outlineParent?: string): Content[] {
  const out: Content[] = [];
  // Blocks sit under a section heading (H2). A heading never skips a level in the structure
  // (PDF/UA, Matterhorn 14-003), even when the Markdown jumps from `##` to `####`.
  let previousLevel = 2;
  for (let i = 0; i < list.length; i++) {
    const block = list[i]!;
    if (block.kind === 'heading') {
      const next = list[i + 1];
      previousLevel = Math.min(block.level, previousLevel + 1);
      const heading = located(headingNode(block, previousLevel, theme, outlineParent), block.line);
      // A heading is never left alone at the foot of a page: it travels with the next block.
      if (next && next.kind !== 'heading') {
        out.push({ stack: [heading, ...blocks([next], theme, tipLabel)], unbreakable: true });
        i++;
      } else out.push(heading);
      continue;
    }
    out.push(located(block_(block, theme, tipLabel), block.line));
  }
  return out;
}

/** One list item (`LI`): pdfmake draws its marker (`Lbl`), the body is its first paragraph, then nested blocks. */
export function listItem(item: ListItem, theme: Theme, tipLabel = 'Tip'): Content {
  return listItemNode(listBody(item, theme, tipLabel));
}

/** A list item's body (`LBody`) content. */
export function listBody(item: ListItem, theme: Theme, tipLabel = 'Tip'): Content[] {
  return [{ text: inlines(item.spans, { linkColor: theme.colors.accent }), tag: element('P'), sourceLine: item.line } as Content, ...blocks(item.children, theme, tipLabel)];
}

/** An `LI` whose body is `body`, with an optional printed label (`Lbl`) of our own before it. */
export function listItemNode(body: Content[], label?: Content): Content {
  const bodyNode = { stack: body, tag: element('LBody') } as Content;
  if (!label) return { stack: [bodyNode], tag: element('LI') } as Content;
  return { columns: [{ ...(label as object), tag: element('Lbl') }, { ...(bodyNode as object), width: '*' }], tag: element('LI') } as Content;
}

/** A bulleted (`ul`) or numbered (`ol`) list node: an `L` of the given `LI` items. */
export function listNode(items: Content[], ordered = false, extra: Record<string, unknown> = {}): Content {
  return { ...(ordered ? { ol: items } : { ul: items }), ...extra, tag: element('L') } as Content;
}

/** A tinted box with a coloured rule on the left, used for tips. */
export function tipBox(content: readonly Block[], theme: Theme, label: string): Content {
  return {
    table: {
      widths: ['*'],
      body: [[{ stack: [{ text: label.toUpperCase(), bold: true, fontSize: theme.sizes.small, color: theme.colors.muted, characterSpacing: 0.6, margin: [0, 0, 0, 2], tag: element('P', { actual: label }) }, ...blocks(content, theme)] }]],
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
    unbreakable: true,
  };
}

// --- internal ---

/** The source line a node was made from, where a render reports text it did not draw (pdf/ledger.ts). */
function located(node: Content, line: number): Content {
  return typeof node === 'object' && !Array.isArray(node) ? Object.assign({ sourceLine: line }, node) : node;
}

function block_(block: Exclude<Block, { kind: 'heading' }>, theme: Theme, tipLabel: string): Content {
  switch (block.kind) {
    case 'paragraph':
      return { text: inlines(block.spans, { linkColor: theme.colors.accent }), margin: [0, 0, 0, 6], tag: element('P') } as Content;
    case 'list': {
      const items = block.items.map((item) => listItem(item, theme, tipLabel));
      return listNode(items, block.ordered, { ...(block.ordered && { start: block.start }), markerColor: theme.colors.accent, margin: [0, 0, 0, 6] });
    }
    case 'tip':
      return tipBox(block.blocks, theme, tipLabel);
    case 'quote':
      return { stack: blocks(block.blocks, theme, tipLabel), margin: [14, 0, 0, 6], italics: true, color: theme.colors.muted, tag: element('BlockQuote') } as Content;
  }
}

function headingNode(block: Extract<Block, { kind: 'heading' }>, level: number, theme: Theme, outlineParent?: string): Content {
  const size = block.level === 3 ? theme.sizes.h3 : theme.fontSize;
  const mark = outlineParent && block.level === 3 ? bookmark(block.spans.map((s) => s.text).join(''), undefined, outlineParent) : {};
  return { text: inlines(block.spans, { printAddress: false }), bold: true, fontSize: size, color: theme.colors.accent, margin: [0, 8, 0, 3], headlineLevel: block.level, tag: element(headingRole(level)), ...mark } as Content;
}

/**
 * pdfmake properties that make a text node a bookmark (PDF outline entry) in the viewer's
 * sidebar. pdfmake takes the node's `id` (also a link destination) as the bookmark's own id,
 * under which later bookmarks nest.
 */
export function bookmark(text: string, id?: string, parentId?: string): Record<string, unknown> {
  return { outline: true, outlineText: text.replace(/\s+/g, ' ').trim(), ...(id && { id }), ...(parentId && { outlineParentId: parentId }) };
}
