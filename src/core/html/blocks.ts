import type { Block, ListItem, Span } from '../model.js';
import { escapeHtml } from './escape.js';

/**
 * Markdown blocks → semantic HTML. The blocks sit under an `h2`, so headings start at `h3` and
 * never skip a level, whatever the Markdown did. Every text and address is escaped.
 */
export function blocksHtml(list: readonly Block[], tipLabel: string, parentLevel = 2): string {
  let previousLevel = parentLevel;
  return list
    .map((block) => {
      if (block.kind !== 'heading') return blockHtml(block, tipLabel, previousLevel);
      previousLevel = Math.min(block.level, previousLevel + 1);
      return `<h${previousLevel}>${spansHtml(block.spans)}</h${previousLevel}>`;
    })
    .join('\n');
}

/** A list of items, `ul` or `ol`. */
export function listHtml(items: readonly ListItem[], tipLabel: string, ordered = false, start = 1): string {
  const tag = ordered ? 'ol' : 'ul';
  const startAttribute = ordered && start !== 1 ? ` start="${start}"` : '';
  return `<${tag}${startAttribute}>${items.map((item) => `<li>${spansHtml(item.spans)}${item.children.length > 0 ? blocksHtml(item.children, tipLabel) : ''}</li>`).join('')}</${tag}>`;
}

/** Inline spans → HTML: bold, italic, links (already checked to be http, https or mailto), line breaks. */
export function spansHtml(spans: readonly Span[]): string {
  return spans
    .map((span) => {
      let html = escapeHtml(span.text);
      if (span.italic) html = `<em>${html}</em>`;
      if (span.bold) html = `<strong>${html}</strong>`;
      if (span.link) html = `<a href="${escapeHtml(span.link)}">${html}</a>`;
      return span.lineBreak ? `${html}<br>` : html;
    })
    .join('');
}

// --- internal ---

function blockHtml(block: Exclude<Block, { kind: 'heading' }>, tipLabel: string, level: number): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${spansHtml(block.spans)}</p>`;
    case 'list':
      return listHtml(block.items, tipLabel, block.ordered, block.start);
    case 'tip':
      return `<aside class="tip" aria-label="${escapeHtml(tipLabel)}"><p class="tip-label">${escapeHtml(tipLabel)}</p>${blocksHtml(block.blocks, tipLabel, level)}</aside>`;
    case 'quote':
      return `<blockquote>${blocksHtml(block.blocks, tipLabel, level)}</blockquote>`;
  }
}
