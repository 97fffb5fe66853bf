import type { Block, ListItem, Span } from '../model.js';

/**
 * The Word copies as plain data: what `docx-writer.ts` turns into a .docx with the `docx`
 * package. Products build it from the view model (no `docx` import here), so the core stays
 * light and the Word code loads only when a kit with Word files is made.
 */

export interface WordRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** An http(s) or mailto address, checked by the parser. */
  link?: string;
  /** A line break after the text. */
  lineBreak?: boolean;
}

export interface WordListItem {
  runs: WordRun[];
  /** 0 for the list's own items, 1 for a nested list's. */
  level: number;
  ordered: boolean;
}

export type WordBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'title'; text: string }
  | { kind: 'paragraph'; runs: WordRun[]; look?: 'muted' | 'tip' | 'lead' }
  | { kind: 'list'; items: WordListItem[] }
  /** Tick boxes (Word's own check-box content controls), one per item. */
  | { kind: 'checklist'; items: WordRun[][] }
  | { kind: 'table'; header: string[]; rows: WordRun[][][]; widths: number[]; emptyRows?: number }
  | { kind: 'image'; url: string; alt: string; title: string; size: number }
  /** Lines to write on: empty paragraphs with a rule under each. */
  | { kind: 'lines'; count: number };

export interface WordDoc {
  title: string;
  subject: string;
  /** Who stands behind the material (the publisher), for the document properties. */
  author: string;
  language: 'da-DK' | 'en-GB';
  /** The theme's font first, then its fallbacks. */
  fonts: readonly string[];
  /** Accent colour, `#rrggbb`, for headings. */
  accent: string;
  blocks: WordBlock[];
}

/** Inline spans → runs. */
export function runs(spans: readonly Span[]): WordRun[] {
  return spans.map((s) => ({
    text: s.text,
    ...(s.bold && { bold: true }),
    ...(s.italic && { italic: true }),
    ...(s.link && { link: s.link }),
    ...(s.lineBreak && { lineBreak: true }),
  }));
}

/** The topic's Markdown blocks → Word blocks: paragraphs, Word lists (nesting kept to two levels), tips and quotes as set-off paragraphs. */
export function wordBlocks(blocks: readonly Block[], tipLabel: string): WordBlock[] {
  const out: WordBlock[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
        out.push({ kind: 'paragraph', runs: runs(block.spans) });
        break;
      case 'heading':
        out.push({ kind: 'heading', level: 3, text: block.spans.map((s) => s.text).join('') });
        break;
      case 'list':
        out.push({ kind: 'list', items: listItems(block.items, block.ordered, 0) });
        break;
      case 'tip':
        out.push(...tipBlocks(block.blocks, tipLabel));
        break;
      case 'quote':
        for (const inner of wordBlocks(block.blocks, tipLabel)) out.push(inner.kind === 'paragraph' ? { ...inner, look: 'tip' } : inner);
        break;
    }
  }
  return out;
}

/** List items with their nested lists flattened into levels (Word lists are levels of one list). */
export function listItems(items: readonly ListItem[], ordered: boolean, level: number): WordListItem[] {
  return items.flatMap((item) => [
    { runs: runs(item.spans), level, ordered },
    ...item.children.flatMap((child): WordListItem[] => {
      if (child.kind === 'list') return listItems(child.items, child.ordered, Math.min(level + 1, 2));
      if (child.kind === 'paragraph') return [{ runs: runs(child.spans), level: Math.min(level + 1, 2), ordered: false }];
      return [];
    }),
  ]);
}

/** A tip in the step: "Tip: …" set off from the instructions. */
export function tipBlocks(tip: readonly Block[], label: string): WordBlock[] {
  const blocks = wordBlocks(tip, label);
  const first = blocks.find((b): b is Extract<WordBlock, { kind: 'paragraph' }> => b.kind === 'paragraph');
  if (first) first.runs = [{ text: `${label}: `, bold: true }, ...first.runs];
  for (const b of blocks) if (b.kind === 'paragraph') b.look = 'tip';
  return blocks;
}
