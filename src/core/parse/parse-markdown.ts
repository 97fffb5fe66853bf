import { marked, type Token, type Tokens } from 'marked';
import { diagnostic } from '../messages/index.js';
import { isPlaceholder } from './placeholders.js';
import { linkProblem } from './links.js';
import type { Block, Diagnostic, ListItem, Span } from '../model.js';
import { plainText } from './plain-text.js';

/** Context for turning Markdown tokens into blocks: where we are, and where problems go. */
export interface MarkdownContext {
  file: string;
  /** All lines of the file, for finding the column of a problem. */
  lines: readonly string[];
  diagnostics: Diagnostic[];
}

/** Splits Markdown into top-level tokens, each with the 1-based file line it starts on. */
export function lexWithLines(markdown: string, firstLine: number): { token: Token; line: number }[] {
  const tokens = marked.lexer(markdown, { gfm: true });
  return withLines(tokens, firstLine);
}

function withLines(tokens: readonly Token[], firstLine: number): { token: Token; line: number }[] {
  let line = firstLine;
  const result: { token: Token; line: number }[] = [];
  for (const token of tokens) {
    // A token's raw text can start with blank lines; its content starts after them.
    const leading = /^\n*/.exec(token.raw)![0].length;
    result.push({ token, line: line + (token.type === 'space' ? 0 : leading) });
    line += countNewlines(token.raw);
  }
  return result;
}

/** Converts block tokens (as from `lexWithLines`) into Dialogkit blocks. */
export function toBlocks(items: readonly { token: Token; line: number }[], ctx: MarkdownContext): Block[] {
  const blocks: Block[] = [];
  for (const { token, line } of items) {
    const block = toBlock(token, line, ctx);
    if (block) blocks.push(block);
  }
  return blocks;
}

function toBlock(token: Token, line: number, ctx: MarkdownContext): Block | undefined {
  switch (token.type) {
    case 'space':
    case 'hr':
      return undefined;
    case 'paragraph':
    case 'text':
      return { kind: 'paragraph', spans: toSpans((token as Tokens.Paragraph).tokens ?? [], line, ctx), line };
    case 'heading': {
      const heading = token as Tokens.Heading;
      const level = Math.min(Math.max(heading.depth, 3), 6) as 3 | 4 | 5 | 6;
      const spans = toSpans(heading.tokens, line, ctx);
      // Nothing to print (no words, or only an image without text, HTML or blank characters): a
      // heading with no text would be an empty bookmark and an empty tag in the PDF.
      if (!/[^\s\u200b-\u200d\u2060\ufeff]/u.test(plainText(spans))) {
        ctx.diagnostics.push(diagnostic('DK0230', {}, ctx.file, line));
        return undefined;
      }
      return { kind: 'heading', level, spans, line };
    }
    case 'list':
      return toList(token as Tokens.List, line, ctx);
    case 'blockquote': {
      const quote = token as Tokens.Blockquote;
      const inner = toBlocks(withLines(quote.tokens, line), ctx);
      if (!isTip(inner)) return { kind: 'quote', blocks: inner, line };
      const blocks = stripTipLabel(inner);
      if (blocks.every(isEmpty)) {
        ctx.diagnostics.push(diagnostic('DK0231', {}, ctx.file, line));
        return undefined;
      }
      return { kind: 'tip', blocks, line };
    }
    case 'code':
      ctx.diagnostics.push(diagnostic('DK0232', {}, ctx.file, line));
      return { kind: 'paragraph', spans: [{ text: (token as Tokens.Code).text }], line };
    case 'table':
      ctx.diagnostics.push(diagnostic('DK0233', {}, ctx.file, line));
      return undefined;
    case 'html':
      // A block that is only an HTML comment is a note to the author (`dialogkit new` writes one
      // per section): left out on purpose, so nothing to warn about. Text beside it still warns.
      if (isAuthorComment(token)) return undefined;
      ctx.diagnostics.push(diagnostic('DK0234', {}, ctx.file, line));
      return undefined;
    default:
      ctx.diagnostics.push(diagnostic('DK0235', { type: token.type }, ctx.file, line));
      return undefined;
  }
}

/** Converts a list token into a list block, keeping nested lists. */
export function toList(list: Tokens.List, line: number, ctx: MarkdownContext): Block {
  const items: ListItem[] = [];
  let itemLine = line;
  const indentOf = (at: number) => /^ */.exec(ctx.lines[at - 1] ?? '')![0].length;
  const firstIndent = indentOf(line);
  for (const item of list.items) {
    // One space more than the list is not enough to nest: Markdown reads it as an item of its own.
    const extra = indentOf(itemLine) - firstIndent;
    if (extra > 0) {
      ctx.diagnostics.push(diagnostic('DK0236', { extra }, ctx.file, itemLine, firstIndent + 1));
    }
    items.push(toListItem(item, itemLine, ctx));
    itemLine += countNewlines(item.raw);
  }
  const start = typeof list.start === 'number' ? list.start : 1;
  return { kind: 'list', ordered: list.ordered, start, items, line };
}

function toListItem(item: Tokens.ListItem, line: number, ctx: MarkdownContext): ListItem {
  const parts = withLines(item.tokens, line);
  const first = parts[0];
  let spans: Span[] = [];
  let rest = parts;
  if (first && (first.token.type === 'text' || first.token.type === 'paragraph')) {
    spans = toSpans(
      (first.token as Tokens.Text).tokens ?? [{ type: 'text', raw: first.token.raw, text: (first.token as Tokens.Text).text }],
      first.line,
      ctx,
    );
    rest = parts.slice(1);
  }
  return { spans, children: toBlocks(rest, ctx), line };
}

/** Flattens inline tokens into spans; bold/italic/link nest by inheritance. */
export function toSpans(tokens: readonly Token[], line: number, ctx: MarkdownContext): Span[] {
  const spans: Span[] = [];
  const walk = (list: readonly Token[], style: Omit<Span, 'text'>) => {
    for (const token of list) {
      switch (token.type) {
        case 'strong':
          walk((token as Tokens.Strong).tokens, { ...style, bold: true });
          break;
        case 'em':
          walk((token as Tokens.Em).tokens, { ...style, italic: true });
          break;
        case 'del':
          walk((token as Tokens.Del).tokens, style);
          break;
        case 'link': {
          const link = token as Tokens.Link;
          const href = link.href.trim();
          // Only http, https and mailto addresses may reach a PDF or a page (links.ts).
          const problem = linkProblem(href, 'web-or-mail');
          if (problem === undefined) {
            if (isPlaceholder(href)) {
              const pos = locate(ctx.lines, href, line);
              ctx.diagnostics.push(diagnostic('DK0237', { href }, ctx.file, pos.line, pos.col));
            }
            walk(link.tokens, { ...style, link: href });
          } else {
            const pos = locate(ctx.lines, `](${link.href}`, line);
            ctx.diagnostics.push(
              problem.kind === 'character'
                ? diagnostic('DK0238', { href: link.href, char: problem.char }, ctx.file, pos.line, pos.col + 2)
                : diagnostic('DK0239', { href: link.href }, ctx.file, pos.line, pos.col + 2),
            );
            walk(link.tokens, style);
          }
          break;
        }
        case 'image': {
          const pos = locate(ctx.lines, '![', line);
          ctx.diagnostics.push(diagnostic('DK0240', {}, ctx.file, pos.line, pos.col));
          spans.push({ ...style, text: (token as Tokens.Image).text });
          break;
        }
        case 'br':
          if (spans.length > 0) spans[spans.length - 1] = { ...spans[spans.length - 1]!, lineBreak: true };
          break;
        case 'codespan':
          spans.push({ ...style, text: decodeEntities((token as Tokens.Codespan).text) });
          break;
        case 'text':
        case 'escape': {
          const text = token as Tokens.Text;
          if (text.tokens && text.tokens.length > 0) walk(text.tokens, style);
          else spans.push({ ...style, text: decodeEntities(text.text) });
          break;
        }
        case 'html':
          ctx.diagnostics.push(diagnostic('DK0241', { html: token.raw.trim() }, ctx.file, line));
          break;
        default:
          spans.push({ ...style, text: token.raw });
      }
    }
  };
  walk(tokens, {});
  return mergeSpans(spans);
}

/** Kept here too, where most readers of Markdown look for it. */
export { plainText };

// --- internal ---

/** A block quote is a tip when it starts with "Tip:", bold or not (`> **Tip:** …`, `> Tip: …`). */
function isTip(blocks: readonly Block[]): boolean {
  const first = blocks[0];
  if (!first || first.kind !== 'paragraph') return false;
  const lead = first.spans[0];
  if (!lead) return false;
  return lead.bold ? /^\s*tip\s*(:|$)/i.test(lead.text) : /^\s*tip\s*:/i.test(lead.text);
}

function isEmpty(block: Block): boolean {
  return (block.kind === 'paragraph' || block.kind === 'heading') && plainText(block.spans).trim() === '';
}

function stripTipLabel(blocks: readonly Block[]): Block[] {
  const [first, ...rest] = blocks;
  if (!first || first.kind !== 'paragraph') return [...blocks];
  const [lead, ...spans] = first.spans;
  const remainder = lead!.text.replace(/^\s*tip\s*:?\s*/i, '');
  const kept = remainder ? [{ ...lead!, text: remainder }, ...spans] : spans;
  if (kept[0]) kept[0] = { ...kept[0], text: kept[0].text.replace(/^\s*:?\s*/, '') };
  return [{ ...first, spans: kept.filter((s) => s.text !== '' || s.lineBreak) }, ...rest];
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && !last.lineBreak && last.bold === span.bold && last.italic === span.italic && last.link === span.link) {
      merged[merged.length - 1] = { ...last, text: last.text + span.text, ...(span.lineBreak && { lineBreak: true }) };
    } else merged.push({ ...span });
  }
  return merged;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/** marked escapes `&<>"'` in text tokens; PDFs need the characters themselves. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!);
}

/** Finds `needle` at or after `fromLine`; falls back to that line, column 1. */
export function locate(lines: readonly string[], needle: string, fromLine: number): { line: number; col: number } {
  for (let i = fromLine - 1; i < lines.length && i < fromLine + 200; i++) {
    const col = lines[i]!.indexOf(needle);
    if (col !== -1) return { line: i + 1, col: col + 1 };
  }
  return { line: fromLine, col: 1 };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** A block that is only an HTML comment (`<!-- … -->`): a note to the author, never printed. */
export function isAuthorComment(token: Token): boolean {
  return token.type === 'html' && /^<!--(?:(?!-->)[\s\S])*-->$/.test(token.raw.trim());
}
