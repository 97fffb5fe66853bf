import { diagnostic } from '../messages/index.js';
import type { Block, Diagnostic, FlipPrompt, ListItem, Span, Step, Topic } from '../model.js';
import { lexWithLines, toBlocks } from '../parse/parse-markdown.js';
import type { Labels } from '../settings/labels.js';
import { mediaStepIndex } from '../view/schedule.js';
import type { Adaptation, StepChange, Texts } from './adaptation.js';

/**
 * An adaptation applied to its topic: the topic the kit is made from. Skipped steps are left out
 * and the rest numbered 1, 2, 3 … again (the printed kit reads as one session); a retimed step
 * keeps its minutes when `--duration` scales the others (`pinned`); a medium seen beforehand
 * takes its minutes out of its step and says so at the top of it; a local note opens its step;
 * questions and flip-chart prompts are replaced or added to. Whenever a step changed, the
 * topic's promised length becomes the steps' sum, so no printed figure contradicts the steps.
 * Problems that need the topic (a step it does not have) are reported at the file's line. Pure.
 */
export function applyAdaptation(topic: Topic, adaptation: Adaptation, labels: Labels): { topic: Topic; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const file = adaptation.file;
  const numbers = topic.steps.map((s) => s.number);
  const changes = new Map<number, StepChange>();
  for (const change of adaptation.steps) {
    if (!numbers.includes(change.number)) {
      diagnostics.push(
        diagnostic(
          'DK0424',
          { number: change.number, file: topic.file, numbers: numbers.map(String) },
          file,
          change.at.line,
          change.at.col,
        ),
      );
    } else changes.set(change.number, change);
  }
  const media = topic.meta.media;
  if (adaptation.media === 'before' && !media) {
    const at = adaptation.at.media!;
    diagnostics.push(diagnostic('DK0425', { file: topic.file }, file, at.line, at.col));
  }
  const before = adaptation.media === 'before' && media !== undefined;
  const mediaIndex = mediaStepIndex(topic);
  const steps: Step[] = [];
  topic.steps.forEach((step, index) => {
    const change = changes.get(step.number);
    if (change?.skip) {
      const unused = (['minutes', 'note', 'questions', 'addQuestions', 'prompts', 'addPrompts'] as const).filter(
        (k) => change[k] !== undefined,
      );
      if (unused.length > 0)
        diagnostics.push(diagnostic('DK0426', { number: step.number, keys: unused }, file, change.at.line, change.at.col));
      return;
    }
    const presents = media !== undefined && index === mediaIndex;
    let minutes = step.minutes;
    if (before && presents) minutes = Math.max(1, minutes - (media.minutes ?? 0));
    const intro: Block[] = [];
    if (before && presents) intro.push(lead(labels.adapt.before[media.kind], labels.adapt.beforeStep[media.kind], step.line));
    if (change?.note) intro.push(lead(labels.adapt.stepNote, change.note, change.at.line));
    const source = { file, diagnostics };
    steps.push({
      ...step,
      number: steps.length + 1,
      minutes: change?.minutes ?? minutes,
      instructions: [...intro, ...step.instructions],
      questions: [...(change?.questions ? items(change.questions, source) : step.questions), ...items(change?.addQuestions, source)],
      flipPrompts: [...(change?.prompts ? prompts(change.prompts, source) : step.flipPrompts), ...prompts(change?.addPrompts, source)],
      ...(change?.minutes !== undefined && { pinned: true }),
      ...(presents && { presentsMedia: true }),
    });
  });
  if (steps.length === 0 && topic.steps.length > 0) {
    const first = adaptation.steps.find((c) => c.skip)!;
    diagnostics.push(diagnostic('DK0427', {}, file, first.at.line, first.at.col));
  }
  const total = steps.reduce((sum, s) => sum + s.minutes, 0);
  const retimed = steps.length !== topic.steps.length || before || steps.some((s, i) => s.minutes !== topic.steps[i]!.minutes);
  return {
    topic: {
      ...topic,
      meta: {
        ...topic.meta,
        ...(before && { media: { ...media, before: true } }),
        ...(retimed && { duration: { min: total, max: total } }),
      },
      steps,
    },
    diagnostics,
  };
}

// --- internal ---

/** "**Lokal note:** text" as the first paragraph of a step. */
function lead(label: string, text: string, line: number): Block {
  return { kind: 'paragraph', spans: [{ text: `${label}: `, bold: true }, { text }], line };
}

/** The file's texts as inline Markdown (bold, italic, links), as a topic's list items are read. */
function spansOf(text: string, line: number, source: { file: string; diagnostics: Diagnostic[] }): Span[] {
  const lines = Array<string>(line - 1)
    .fill('')
    .concat(text);
  const blocks = toBlocks(lexWithLines(text, line), { file: source.file, lines, diagnostics: source.diagnostics });
  const first = blocks[0];
  // A text that Markdown reads as something else (`- …`, `# …`) is printed as written.
  return blocks.length === 1 && first?.kind === 'paragraph' ? first.spans : [{ text }];
}

function items(texts: Texts | undefined, source: { file: string; diagnostics: Diagnostic[] }): ListItem[] {
  return (texts ?? []).map(({ text, at }) => ({ spans: spansOf(text, at.line, source), children: [], line: at.line }));
}

function prompts(texts: Texts | undefined, source: { file: string; diagnostics: Diagnostic[] }): FlipPrompt[] {
  return (texts ?? []).map(({ text, at }) => ({ spans: spansOf(text, at.line, source), details: [], line: at.line }));
}
