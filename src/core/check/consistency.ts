import { diagnostic } from '../messages/index.js';
import type { Block, Diagnostic, ListItem, MediaKind, Span, Step, Topic } from '../model.js';

/**
 * Checks for the slips an attentive editor catches in copy-pasted material: a body that speaks of
 * another medium than the topic's own, and a step that names another topic. Warnings, never
 * errors: the author decides. Pure; `lines` are the source's lines, for exact columns.
 */

/** Words that name a medium, in the forms a Danish or English guide uses them. */
const MEDIA_WORDS: Record<MediaKind, RegExp> = {
  film: /\b(film(?:en|ens|ene|klip(?:pet)?)?|video(?:en|er|erne)?)\b/giu,
  podcast: /\b(podcast(?:en|ens|s|afsnit(?:tet)?)?)\b/giu,
  case: /\b(cas(?:en|ens|es)|case-?(?:historie|fortælling)(?:n|en)?|case study)\b/giu,
};

/** A run of body text and the source line it came from. */
interface Run {
  text: string;
  line: number;
}

export function checkMediaWords(topic: Topic, lines: readonly string[]): Diagnostic[] {
  const own = topic.meta.media?.kind;
  if (!own) return [];
  const out: Diagnostic[] = [];
  const others = (Object.keys(MEDIA_WORDS) as MediaKind[]).filter((k) => k !== own);
  // The legal background may well speak of video or film in general (screens, recordings); the guide may not.
  for (const run of bodyRuns(topic, { legal: false })) {
    for (const kind of others) {
      for (const match of run.text.matchAll(MEDIA_WORDS[kind])) {
        out.push(diagnostic('DK0309', { word: match[0], own, other: kind }, topic.file, run.line, columnOf(lines, run.line, match[0])));
      }
    }
  }
  return out;
}

/**
 * A step that was copied from another topic's guide: a line of a step that names a key word of the
 * other topic's title ("fuldmagter" for "Hjælp borgere med digitale fuldmagter") and either
 * - that word is used by no topic but the two, or
 * - the line repeats at least `SHARED_WORDS` words in a row from the other topic's steps, and no
 *   third topic has those words.
 * Words and phrases that three or more topics use belong to the series, never to one topic, so
 * they are never reported. Linear in the amount of text: every word and phrase is indexed once.
 */
export function checkLeaks(topics: readonly Topic[], linesOf: (file: string) => readonly string[]): Diagnostic[] {
  if (topics.length < 2) return [];
  const keys = keyPhrases(topics.map((t) => t.meta.title));
  const owner = new Map<string, number>();
  keys.forEach((words, index) => words.forEach((w) => owner.set(stem(w), index)));
  const usedBy: TopicIndex = new Map();
  const phrasesBy: TopicIndex = new Map();
  const stepRunsOf = topics.map((topic) => topic.steps.flatMap(stepRuns));
  topics.forEach((topic, index) => {
    for (const run of [{ text: topic.meta.title, line: 0 }, ...bodyRuns(topic, { legal: true })]) {
      for (const word of wordsOf(run.text)) addTo(usedBy, stem(word), index);
    }
    for (const run of stepRunsOf[index]!) for (const phrase of phrasesOf(wordsOf(run.text))) addTo(phrasesBy, phrase, index);
  });

  const out: Diagnostic[] = [];
  topics.forEach((topic, index) => {
    for (const run of stepRunsOf[index]!) {
      const words = wordsOf(run.text);
      const phrases = phrasesOf(words);
      const reported = new Set<number>();
      for (const word of words) {
        const other = owner.get(stem(word));
        if (other === undefined || other === index || reported.has(other) || topics[other]!.meta.title === topic.meta.title) continue;
        const rare = onlyThese(usedBy, stem(word), index, other);
        const copied = rare || phrases.some((phrase) => onlyThese(phrasesBy, phrase, index, other));
        if (!copied) continue;
        reported.add(other);
        const source = topics[other]!;
        const said = { word: writtenAs(run.text, word), title: source.meta.title, file: source.file, own: topic.meta.title };
        out.push(diagnostic('DK0310', said, topic.file, run.line, columnOf(linesOf(topic.file), run.line, word)));
      }
    }
  });
  return out;
}

/**
 * The long words of each title that no other title shares ("fuldmagter", "forventningsafstemning"):
 * the key words that identify it. Shorter words ("private", "viden") and the series' common
 * words (hjælp, borgere, digital…) say too little on their own to call a sentence a leak.
 */
export function keyPhrases(titles: readonly string[]): string[][] {
  const perTitle = titles.map((title) => [...new Set(wordsOf(title).filter((w) => w.length >= 8 && !COMMON.some((c) => w.startsWith(c))))]);
  const count = new Map<string, number>();
  for (const words of perTitle) for (const w of new Set(words.map(stem))) count.set(w, (count.get(w) ?? 0) + 1);
  return perTitle.map((words) => words.filter((w) => count.get(stem(w)) === 1));
}

// --- internal ---

/** How many words in a row a copied line must repeat from another topic's steps. */
const SHARED_WORDS = 6;

/** Words too general to identify a topic in this series. */
const COMMON = [
  'hjælp',
  'borger',
  'digital',
  'udfordre',
  'offentlig',
  'løsning',
  'it-løsning',
  'kommun',
  'medarbejd',
  'citizen',
  'public',
  'solution',
  'support',
];

/** A crude Danish/English stem: enough to match "fuldmagter" with "fuldmagt" and "fuldmagten". */
function stem(word: string): string {
  return word.toLowerCase().replace(/(erne|ene|ens|ers|er|en|et|e|s)$/u, '');
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
}

/** Every run of `SHARED_WORDS` words in a row, as one key. */
function phrasesOf(words: readonly string[]): string[] {
  const phrases: string[] = [];
  for (let i = 0; i + SHARED_WORDS <= words.length; i++) phrases.push(words.slice(i, i + SHARED_WORDS).join(' '));
  return phrases;
}

/**
 * Which topics use a word or phrase: one, two, or more. Only "exactly these two" is ever asked, so
 * a number per key is enough (`first + 1 + (second + 1) * SLOT`, or `MANY`); a set per key would
 * cost seconds of garbage collection at a thousand topics.
 */
type TopicIndex = Map<string, number>;
const SLOT = 2 ** 24;
const MANY = -1;

function addTo(index: TopicIndex, key: string, topic: number): void {
  const value = index.get(key);
  if (value === undefined) index.set(key, topic + 1);
  else if (value === MANY) return;
  else {
    const first = (value % SLOT) - 1;
    const second = Math.floor(value / SLOT) - 1;
    if (topic === first || topic === second) return;
    index.set(key, second === -1 ? value + (topic + 1) * SLOT : MANY);
  }
}

/** The key is used by topics `a` and `b` and by no other. */
function onlyThese(index: TopicIndex, key: string, a: number, b: number): boolean {
  const value = index.get(key);
  if (value === undefined || value === MANY) return false;
  const first = (value % SLOT) - 1;
  const second = Math.floor(value / SLOT) - 1;
  return (first === a && second === b) || (first === b && second === a);
}

/** `word` (lower case) as the text writes it. */
function writtenAs(text: string, word: string): string {
  const at = text.toLowerCase().indexOf(word);
  return at === -1 ? word : text.slice(at, at + word.length);
}

function columnOf(lines: readonly string[], line: number, text: string): number {
  const index = (lines[line - 1] ?? '').toLowerCase().indexOf(text.toLowerCase());
  return index >= 0 ? index + 1 : 1;
}

function spanText(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

function blockRuns(blocks: readonly Block[]): Run[] {
  return blocks.flatMap((block): Run[] => {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
        return linesOfSpans(block.spans, block.line);
      case 'list':
        return block.items.flatMap(itemRuns);
      case 'tip':
      case 'quote':
        return blockRuns(block.blocks);
    }
  });
}

/** A paragraph's spans split at hard breaks, one run per source line. */
function linesOfSpans(spans: readonly Span[], line: number): Run[] {
  return spanText(spans)
    .split('\n')
    .map((text, i) => ({ text, line: line + i }));
}

function itemRuns(item: ListItem): Run[] {
  return [...linesOfSpans(item.spans, item.line), ...blockRuns(item.children)];
}

function stepRuns(step: Step): Run[] {
  return [
    { text: step.title, line: step.line },
    ...blockRuns(step.instructions),
    ...step.questions.flatMap(itemRuns),
    ...step.tips.flatMap(blockRuns),
    ...step.flipPrompts.flatMap((p) => [
      { text: spanText(p.spans), line: p.line },
      ...p.details.map((d, i) => ({ text: spanText(d), line: p.line + i + 1 })),
    ]),
  ];
}

function bodyRuns(topic: Topic, { legal }: { legal: boolean }): Run[] {
  return [
    ...blockRuns(topic.about),
    ...topic.guidingQuestions.flatMap(itemRuns),
    ...topic.preparation.flatMap(itemRuns),
    ...topic.steps.flatMap(stepRuns),
    ...blockRuns(topic.advice),
    ...topic.extras.flatMap((e) => blockRuns(e.blocks)),
    ...(legal ? blockRuns(topic.legal) : []),
  ];
}
