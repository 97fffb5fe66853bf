/**
 * Which screen views hold more text than a projector shows at a size the back row can read. The
 * page never cuts such text (it scrolls, screen-script.ts); the build says so at the line, so the
 * editor can shorten it before the room has to watch someone scroll.
 */
import { diagnostic } from '../messages/index.js';
import type { Block, Diagnostic, Span } from '../model.js';
import { plainText } from '../parse/plain-text.js';
import type { ViewModel } from '../view/view-types.js';

/**
 * Characters a 1920×1080 view holds at its smallest type (27 px, 1/40 of the height): about 120
 * to a line and 22 lines in the text box, less what list items and paragraphs leave over.
 */
export const SCREEN_VIEW_CHARACTERS = 2000;

export function screenFitDiagnostics(view: ViewModel, file: string): Diagnostic[] {
  const { topic } = view;
  const found: Diagnostic[] = [];
  const check = (line: number, what: { part: 'step' | 'prompt' | 'case'; number: number }, text: string) => {
    if (text.length > SCREEN_VIEW_CHARACTERS)
      found.push(diagnostic('DK0324', { ...what, length: text.length, limit: SCREEN_VIEW_CHARACTERS }, file, line));
  };
  topic.steps.forEach((step, index) => {
    const items = step.questions.length > 0 ? step.questions.map((q) => q.spans) : step.flipPrompts.map((p) => p.spans);
    check(step.line, { part: 'step', number: step.number }, items.map(spansText).join('\n'));
    for (const prompt of step.flipPrompts)
      check(prompt.line, { part: 'prompt', number: step.number }, [prompt.spans, ...prompt.details].map(spansText).join('\n'));
    if (topic.caseText && index === topic.mediaStep)
      check(topic.caseText[0]?.line ?? step.line, { part: 'case', number: step.number }, blocksText(topic.caseText));
  });
  return found;
}

// --- internal ---

function spansText(spans: readonly Span[]): string {
  return plainText(spans);
}

function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((block): string => {
      if (block.kind === 'paragraph' || block.kind === 'heading') return spansText(block.spans);
      if (block.kind === 'list') return block.items.map((item) => [spansText(item.spans), blocksText(item.children)].join('\n')).join('\n');
      return blocksText(block.blocks);
    })
    .join('\n');
}
