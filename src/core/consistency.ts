import type { Block, Diagnostic, ListItem, MediaKind, Span, Step, Topic } from './model.js';

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
        out.push({
          file: topic.file,
          line: run.line,
          col: columnOf(lines, run.line, match[0]),
          severity: 'warning',
          message: `the text speaks of "${match[0]}", but this topic's medium is ${article(own)} (media.kind: ${own})`,
          hint: `write about the ${own} here, or change \`media.kind\` if the topic really uses ${article(kind)}`,
        });
      }
    }
  }
  return out;
}

/**
 * A step that names another topic's title, or a phrase only that topic's title has (its key
 * phrase: "digitale fuldmagter" for "Hjælp borgere med digitale fuldmagter"), was probably
 * copied from that topic's guide.
 */
export function checkLeaks(topics: readonly Topic[], linesOf: (file: string) => readonly string[]): Diagnostic[] {
  const keys = keyPhrases(topics.map((t) => t.meta.title));
  const out: Diagnostic[] = [];
  for (const topic of topics) {
    const lines = linesOf(topic.file);
    for (const [index, other] of topics.entries()) {
      if (other === topic || other.meta.title === topic.meta.title) continue;
      const patterns = [exact(other.meta.title), ...(keys[index]!.length > 0 ? keys[index]!.map(stemPattern) : [closingPhrase(other.meta.title)])];
      for (const run of topic.steps.flatMap(stepRuns)) {
        const match = patterns.map((p) => p.exec(run.text)).find((m) => m !== null);
        if (!match) continue;
        out.push({
          file: topic.file,
          line: run.line,
          col: columnOf(lines, run.line, match[0]),
          severity: 'warning',
          message: `this step speaks of "${match[0]}", which belongs to another topic, "${other.meta.title}" (${other.file}); copied from its guide?`,
          hint: `rewrite the sentence for "${topic.meta.title}", or delete it`,
        });
      }
    }
  }
  return out;
}

/**
 * The long words of each title that no other title shares ("fuldmagter", "forventningsafstemning"):
 * the key words that identify it. Shorter words ("private", "viden") and the series' common
 * words (hjælp, borgere, digital…) say too little on their own to call a sentence a leak.
 */
export function keyPhrases(titles: readonly string[]): string[][] {
  const wordsOf = (title: string) => [...new Set(title.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length >= 8 && !COMMON.some((c) => w.startsWith(c))))];
  const perTitle = titles.map(wordsOf);
  const count = new Map<string, number>();
  for (const words of perTitle) for (const w of new Set(words.map(stem))) count.set(w, (count.get(w) ?? 0) + 1);
  return perTitle.map((words) => words.filter((w) => count.get(stem(w)) === 1));
}

// --- internal ---

/** Words too general to identify a topic in this series. */
const COMMON = ['hjælp', 'borger', 'digital', 'udfordre', 'offentlig', 'løsning', 'it-løsning', 'kommun', 'medarbejd', 'citizen', 'public', 'solution', 'support'];

/** A crude Danish/English stem: enough to match "fuldmagter" with "fuldmagt" and "fuldmagten". */
function stem(word: string): string {
  return word.toLowerCase().replace(/(erne|ene|ens|ers|er|en|et|e|s)$/u, '');
}

function stemPattern(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}])${escape(stem(word))}\\p{L}{0,4}(?![\\p{L}])`, 'iu');
}

/** A title without key words is known by its last two words ("private it-løsninger"), inflected. */
function closingPhrase(title: string): RegExp {
  const words = title.trim().split(/\s+/).slice(-2);
  const last = words.pop()!;
  return new RegExp(`(?<![\\p{L}])${[...words.map(escape), escape(stem(last)) + '\\p{L}{0,4}'].join('\\s+')}(?![\\p{L}])`, 'iu');
}

function exact(title: string): RegExp {
  return new RegExp(escape(title).replace(/\s+/g, '\\s+'), 'iu');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function article(kind: MediaKind): string {
  return kind === 'film' ? 'a film' : kind === 'podcast' ? 'a podcast' : 'a case';
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
  return spanText(spans).split('\n').map((text, i) => ({ text, line: line + i }));
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
    ...step.flipPrompts.flatMap((p) => [{ text: spanText(p.spans), line: p.line }, ...p.details.map((d, i) => ({ text: spanText(d), line: p.line + i + 1 }))]),
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
