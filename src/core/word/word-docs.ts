import type { Topic } from '../model.js';
import { fill } from '../settings/labels.js';
import type { ViewModel } from '../view/view-types.js';
import { listItems, runs, tipBlocks, wordBlocks, type WordBlock, type WordDoc, type WordRun } from './word-model.js';

/**
 * The three Word copies as plain data, from the same view model as the PDFs: the guide, the
 * participants' sheet, and an agreement and minutes sheet to fill in during the meeting. They
 * carry the words the PDFs carry (every step, question and prompt), in Word's own structure.
 */

/** Fonts named in the copies: the theme's (Atkinson Hyperlegible), then fallbacks on machines without it. */
export const WORD_FONTS = ['Atkinson Hyperlegible', 'Verdana', 'Arial'] as const;
const ACCENT = '#1f5c73';

export function guideDoc(view: ViewModel, topic: Topic): WordDoc {
  const { topic: t, labels, options } = view;
  const blocks: WordBlock[] = [...opening(view, labels.guide)];
  blocks.push(
    facts([
      [labels.duration, t.duration],
      [labels.participants, t.participants],
      ...(t.media
        ? ([
            [
              t.media.label,
              `${t.media.title}${t.media.before ? ` (${t.media.before.toLowerCase()})` : t.media.minutes ? ` (${t.media.minutes}\u00a0${labels.minutes})` : ''}`,
            ],
          ] as [string, string][])
        : []),
    ]),
  );
  blocks.push(...media(view));
  blocks.push(...extras(topic, 'start', labels.tip));
  if (t.about) blocks.push({ kind: 'heading', level: 1, text: labels.about }, ...wordBlocks(t.about, labels.tip));
  blocks.push(...extras(topic, 'about', labels.tip));
  const clock = options.start !== null;
  blocks.push(
    { kind: 'heading', level: 1, text: labels.overview },
    {
      kind: 'table',
      header: [labels.stepColumn, labels.titleColumn, labels.minutesColumn, labels.timeColumn, ...(clock ? [labels.clockColumn] : [])],
      widths: clock ? [8, 50, 10, 14, 18] : [8, 62, 12, 18],
      rows: [
        ...t.steps.map((s) => [
          plain(String(s.number)),
          plain(s.title),
          plain(String(s.minutes)),
          plain(`${s.from}–${s.to}`),
          ...(clock ? [plain(`${s.clockFrom}–${s.clockTo}`)] : []),
        ]),
        [[{ text: labels.total, bold: true }], [], [{ text: String(t.totalMinutes), bold: true }], [], ...(clock ? [[]] : [])],
      ],
    },
  );
  if (t.sourceMinutes) {
    const source = `${t.sourceMinutes.join(' + ')} = ${t.sourceMinutes.reduce((a, b) => a + b, 0)}`;
    blocks.push({ kind: 'paragraph', look: 'muted', runs: plain(fill(labels.adapted, { minutes: t.totalMinutes, source })) });
  }
  blocks.push({ kind: 'heading', level: 1, text: labels.startingPoint }, { kind: 'list', items: listItems(t.guidingQuestions, false, 0) });
  blocks.push(...extras(topic, 'starting', labels.tip));
  blocks.push(
    { kind: 'heading', level: 1, text: labels.preparation },
    { kind: 'checklist', items: t.preparation.map((i) => runs(i.spans)) },
  );
  blocks.push(...extras(topic, 'preparation', labels.tip));
  for (const step of t.steps) {
    blocks.push({ kind: 'heading', level: 1, text: step.heading });
    const when = step.clockFrom ? `${step.clockFrom}–${step.clockTo}` : `${step.from}–${step.to}\u00a0${labels.minutes}`;
    blocks.push({
      kind: 'paragraph',
      look: 'lead',
      runs: [{ text: `${step.minutes}\u00a0${labels.minutes}`, bold: true }, { text: ` · ${when}` }],
    });
    if (t.caseText && step.number - 1 === t.mediaStep) blocks.push({ kind: 'paragraph', look: 'muted', runs: plain(labels.caseInHandout) });
    blocks.push(...wordBlocks(step.instructions, labels.tip));
    if (step.questions.length > 0)
      blocks.push({ kind: 'heading', level: 2, text: labels.questions }, { kind: 'list', items: listItems(step.questions, false, 0) });
    if (step.flipPrompts.length > 0)
      blocks.push(
        { kind: 'heading', level: 2, text: labels.flipover },
        {
          kind: 'list',
          items: step.flipPrompts.flatMap((p) => [
            { runs: runs(p.spans), level: 0, ordered: true },
            ...p.details.map((d) => ({ runs: runs(d), level: 1, ordered: false })),
          ]),
        },
      );
    for (const tip of step.tips) blocks.push(...tipBlocks(tip, labels.tip));
  }
  blocks.push(...extras(topic, 'step', labels.tip));
  if (t.advice) blocks.push({ kind: 'heading', level: 1, text: labels.advice }, ...wordBlocks(t.advice, labels.tip));
  blocks.push(...extras(topic, 'advice', labels.tip), ...extras(topic, 'legal', labels.tip), ...extras(topic, 'case', labels.tip));
  if (options.note) blocks.push({ kind: 'heading', level: 1, text: labels.localNote }, { kind: 'paragraph', runs: plain(options.note) });
  return doc(view, labels.guide, blocks);
}

export function handoutDoc(view: ViewModel): WordDoc {
  const { topic: t, labels } = view;
  const blocks: WordBlock[] = [...opening(view, labels.handout)];
  blocks.push({ kind: 'heading', level: 1, text: labels.startingPoint }, { kind: 'list', items: listItems(t.guidingQuestions, false, 0) });
  const prompts = t.steps.flatMap((s) => s.flipPrompts);
  if (prompts.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: labels.reflection });
    prompts.forEach((p, i) => {
      blocks.push({ kind: 'heading', level: 2, text: `${i + 1}. ${p.spans.map((s) => s.text).join('')}` });
      if (p.details.length > 0) blocks.push({ kind: 'list', items: p.details.map((d) => ({ runs: runs(d), level: 0, ordered: false })) });
      blocks.push({ kind: 'lines', count: 3 });
    });
  }
  blocks.push(...media(view));
  if (t.caseText) blocks.push({ kind: 'heading', level: 1, text: labels.caseTitle }, ...wordBlocks(t.caseText, labels.tip));
  if (t.legal) blocks.push({ kind: 'heading', level: 1, text: labels.legal }, ...wordBlocks(t.legal, labels.tip));
  return doc(view, labels.handout, blocks);
}

export function agreementDoc(view: ViewModel): WordDoc {
  const { topic: t, labels, options } = view;
  const w = labels.word;
  const d = labels.dotvote;
  const blocks: WordBlock[] = [
    { kind: 'title', text: w.agreementTitle },
    { kind: 'paragraph', look: 'muted', runs: plain(w.copy) },
    facts([
      [w.topic, t.title],
      [w.date, options.date ?? ''],
      ...(options.organisation ? ([[labels.organisation, options.organisation]] as [string, string][]) : []),
    ]),
    { kind: 'heading', level: 1, text: w.participants },
    { kind: 'lines', count: 3 },
    { kind: 'heading', level: 1, text: w.ideas },
    { kind: 'table', header: [w.idea, w.dots], widths: [80, 20], rows: [], emptyRows: Math.min(t.cards, 20) },
    { kind: 'heading', level: 1, text: w.agreement },
    { kind: 'paragraph', runs: plain(d.agreementIntro) },
    { kind: 'lines', count: 2 },
    { kind: 'table', header: [d.what, d.who, d.when, d.followUp], widths: [34, 26, 20, 20], rows: [], emptyRows: 3 },
    { kind: 'heading', level: 1, text: labels.notes },
    { kind: 'lines', count: 6 },
    { kind: 'checklist', items: [plain(w.done)] },
  ];
  return doc(view, w.agreementTitle, blocks);
}

// --- internal ---

function doc(view: ViewModel, subject: string, blocks: WordBlock[]): WordDoc {
  const { topic } = view;
  return {
    title: `${topic.title} – ${subject}`,
    subject,
    author: topic.publisher ?? topic.series ?? 'Dialogkit',
    language: topic.language === 'en' ? 'en-GB' : 'da-DK',
    fonts: WORD_FONTS,
    accent: ACCENT,
    blocks,
  };
}

function opening(view: ViewModel, subject: string): WordBlock[] {
  const { topic, labels, options } = view;
  return [
    ...(topic.series ? [{ kind: 'paragraph' as const, look: 'muted' as const, runs: plain(topic.series) }] : []),
    { kind: 'title', text: topic.title },
    { kind: 'paragraph', look: 'lead', runs: plain(subject) },
    { kind: 'paragraph', look: 'muted', runs: plain(labels.word.copy) },
    ...(options.byline
      ? [{ kind: 'paragraph' as const, runs: [{ text: `${labels.organisation}: `, bold: true }, { text: options.byline }] }]
      : []),
  ];
}

/** "Varighed: 45 min" lines, a label in bold before each value. */
function facts(pairs: [string, string][]): WordBlock {
  return {
    kind: 'paragraph',
    runs: pairs.flatMap(([label, value], i) => [
      { text: `${label}: `, bold: true },
      { text: value, ...(i < pairs.length - 1 && { lineBreak: true }) },
    ]),
  };
}

/** The film, podcast or case: its title, its address as a link, and its QR code as an image with alt text. */
function media(view: ViewModel): WordBlock[] {
  const { media } = view.topic;
  const { labels } = view;
  if (!media?.url) return [];
  const heading = media.before ? labels.watchAgain[media.kind] : labels.mediaIntro[media.kind];
  const alt = fill(labels.qrAlt[media.kind], { title: media.title, url: media.url.replace(/^https?:\/\//, '') });
  return [
    { kind: 'heading', level: 2, text: heading },
    {
      kind: 'paragraph',
      runs: [
        { text: media.title, bold: true, lineBreak: true },
        { text: media.url, link: media.url },
      ],
    },
    ...(media.before ? [{ kind: 'paragraph' as const, look: 'muted' as const, runs: plain(media.before) }] : []),
    { kind: 'image', url: media.url, alt, title: media.title, size: 96 },
  ];
}

function extras(topic: Topic, after: Topic['extras'][number]['after'], tip: string): WordBlock[] {
  return topic.extras
    .filter((e) => e.after === after)
    .flatMap((e): WordBlock[] => [{ kind: 'heading', level: 1, text: e.title }, ...wordBlocks(e.blocks, tip)]);
}

function plain(text: string): WordRun[] {
  return [{ text }];
}
