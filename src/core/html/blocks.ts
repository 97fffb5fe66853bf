import type { Block, ListItem, Span } from '../model.js';
import { html, joinHtml, safeHref, type Markup } from './markup.js';

/**
 * Markdown blocks → semantic HTML. The blocks sit under an `h2`, so headings start at `h3` and
 * never skip a level, whatever the Markdown did. Built with `html`, so every text is escaped, and
 * every address goes through `safeHref`.
 */
export function blocksHtml(list: readonly Block[], tipLabel: string, parentLevel = 2): Markup {
  let previousLevel = parentLevel;
  return joinHtml(
    list.map((block) => {
      if (block.kind !== 'heading') return blockHtml(block, tipLabel, previousLevel);
      previousLevel = Math.min(block.level, previousLevel + 1);
      // The level is a number the code chose (3 to 6), never text from a topic.
      return html`<h${previousLevel}>${spansHtml(block.spans)}</h${previousLevel}>`;
    }),
    '\n',
  );
}

/** A list of items, `ul` or `ol`. */
export function listHtml(items: readonly ListItem[], tipLabel: string, ordered = false, start = 1): Markup {
  const entries = items.map(
    (item) => html`<li>${spansHtml(item.spans)}${item.children.length > 0 && blocksHtml(item.children, tipLabel)}</li>`,
  );
  if (!ordered) return html`<ul>${entries}</ul>`;
  return start !== 1 ? html`<ol start="${start}">${entries}</ol>` : html`<ol>${entries}</ol>`;
}

/**
 * Inline spans → HTML: bold, italic, links, line breaks. A link the parser accepted is always
 * an http, https or mailto address; one that `safeHref` still refuses is printed as text.
 */
export function spansHtml(spans: readonly Span[]): Markup {
  return joinHtml(
    spans.map((span) => {
      let text = html`${span.text}`;
      if (span.italic) text = html`<em>${text}</em>`;
      if (span.bold) text = html`<strong>${text}</strong>`;
      const href = span.link === undefined ? undefined : safeHref(span.link);
      if (href !== undefined) text = html`<a href="${href}">${text}</a>`;
      return span.lineBreak ? html`${text}<br>` : text;
    }),
  );
}

// --- internal ---

function blockHtml(block: Exclude<Block, { kind: 'heading' }>, tipLabel: string, level: number): Markup {
  switch (block.kind) {
    case 'paragraph':
      return html`<p>${spansHtml(block.spans)}</p>`;
    case 'list':
      return listHtml(block.items, tipLabel, block.ordered, block.start);
    case 'tip':
      return html`<aside class="tip" aria-label="${tipLabel}"><p class="tip-label">${tipLabel}</p>${blocksHtml(block.blocks, tipLabel, level)}</aside>`;
    case 'quote':
      return html`<blockquote>${blocksHtml(block.blocks, tipLabel, level)}</blockquote>`;
  }
}
