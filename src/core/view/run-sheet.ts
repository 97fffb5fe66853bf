import type { ListItem, Step } from '../model.js';
import { plainText } from '../parse/plain-text.js';
import { fill } from '../settings/labels.js';
import type { ViewModel } from './view-types.js';

/** One row of the run sheet: when, how long, what happens and with which material. Plain text. */
export interface RunSheetRow {
  time: string;
  minutes: string;
  what: string;
  material: string;
  /** The step's line in the topic file, where a problem with its row is reported. */
  line?: number;
}

/** Words that show a step uses the idea cards, or the vote and agreement cards. */
const IDEA_CARDS = /idékort|idéforslag|idea cards?/iu;
const VOTE_CARDS = /prik|dot[- ]?vote|\bdots?\b/iu;

/**
 * The run sheet's rows: a "before" row from the preparation list, then one per step. A step's
 * material: the medium (and the handout) in the step that presents it, its flip-chart sheets by
 * number, and the cards in the steps that speak of them. Pure.
 */
export function runSheetRows(view: ViewModel): RunSheetRow[] {
  const { topic } = view;
  const l = view.labels.runSheet;
  const sep = topic.language === 'da' ? '.' : ':';
  const before: RunSheetRow = {
    time: view.options.start ? `${l.before}\u00a0${view.options.start.replace(':', sep)}` : l.before,
    minutes: '',
    what: fill(l.beforeWhat, { items: preparationHeads(topic.preparation) }),
    material: l.beforeMaterial,
  };
  let sheet = 0;
  const rows = topic.steps.map((step, index): RunSheetRow => {
    const material: string[] = [];
    if (index === topic.mediaStep && topic.media) {
      const before = topic.media.before ? ` (${topic.media.before.toLowerCase()})` : '';
      material.push(topic.media.kind === 'case' ? `${l.caseInHandout}${before}` : `${topic.media.label}: ${topic.media.title}${before}`);
      if (topic.media.kind !== 'case') material.push(l.handout);
    } else if (index === topic.mediaStep) material.push(l.handout);
    if (step.flipPrompts.length > 0) {
      const from = sheet + 1;
      sheet += step.flipPrompts.length;
      material.push(fill(l.sheets, { range: from === sheet ? `${from}` : `${from}–${sheet}` }));
    }
    const text = stepText(step);
    if (IDEA_CARDS.test(text)) material.push(l.ideas);
    if (VOTE_CARDS.test(text)) material.push(l.vote);
    return {
      time: step.clockFrom ? `${step.clockFrom}–${step.clockTo}` : `${step.from}–${step.to}`,
      minutes: String(step.minutes),
      what: step.heading,
      material: material.join(' · '),
      line: step.line,
    };
  });
  return [before, ...rows];
}

// --- internal ---

/** The preparation items by their bold lead ("Materialer", "Rummet"), or their first words when they have none. */
function preparationHeads(items: readonly ListItem[]): string {
  return items
    .map((item) => {
      const lead = item.spans[0]?.bold ? item.spans[0].text.replace(/[:.]\s*$/, '').trim() : '';
      if (lead) return lead.toLowerCase();
      const words = plainText(item.spans).split(/\s+/).slice(0, 4).join(' ');
      return words.replace(/[.,:;]$/, '');
    })
    .join(', ');
}

function stepText(step: Step): string {
  const parts = [step.title];
  const walk = (blocks: Step['instructions']) => {
    for (const block of blocks) {
      if (block.kind === 'paragraph' || block.kind === 'heading') parts.push(plainText(block.spans));
      else if (block.kind === 'list') {
        for (const item of block.items) {
          parts.push(plainText(item.spans));
          walk(item.children);
        }
      } else walk(block.blocks);
    }
  };
  walk(step.instructions);
  for (const tip of step.tips) walk(tip);
  return parts.join(' ');
}
