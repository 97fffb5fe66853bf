import type { Tokens } from 'marked';
import { diagnostic } from '../messages/index.js';
import { LIMITS } from './input-bounds.js';
import type { Block, Diagnostic, FlipPrompt, Language, ListItem, SectionKind, Step, Topic } from '../model.js';
import { isAuthorComment, lexWithLines, plainText, toBlocks, toList, type MarkdownContext } from './parse-markdown.js';
import { SECTION_NAMES, STEP_WORD, SUBSECTION_NAMES, sameName, startsWithName } from './section-names.js';
import { closest } from '../suggest.js';
import { splitSections, type Located } from './split-sections.js';

/** The body of a topic, split into the contract's sections: the body's part of a `Topic`. */
export type ParsedBody = Pick<Topic, 'about' | 'guidingQuestions' | 'preparation' | 'steps' | 'advice' | 'legal' | 'case' | 'extras'>;

/**
 * `Trin 3 (12 min): Titel` — the minutes may be written `12 min`, `12 min.` or `12 minutter`, and
 * the title may follow a dash instead of the colon (`(8 min) - Titel`, `(8 min) – Titel`).
 */
const STEP_HEADING = /^(\S+)\s+(\d+)\s*\(\s*(\d+)\s*(?:min\.?|minutter|minutes)\s*\)\s*(?::|[-–—](?=\s))?\s*(.*)$/i;

/**
 * Parses a topic's Markdown body into sections. Problems go to `diagnostics`;
 * the result is always complete enough to check further.
 */
export function parseBody(
  file: string,
  body: string,
  bodyLine: number,
  lines: readonly string[],
  language: Language,
  diagnostics: Diagnostic[],
): ParsedBody {
  const ctx: MarkdownContext = { file, lines, diagnostics };
  const names = SECTION_NAMES[language];
  const stepWord = STEP_WORD[language];
  const result: ParsedBody = { about: [], guidingQuestions: [], preparation: [], steps: [], advice: [], legal: [], case: [], extras: [] };
  /** Step headings too malformed to parse, by the number they carry: they keep their place in the order check. */
  const numbered: { number: number; line: number }[] = [];
  const seen = new Map<SectionKind, number>();
  let lastKnown: SectionKind | 'start' = 'start';
  let flipPrompts = 0;
  /** Unknown `##` headings that look like a known section's name. */
  const misspelt: { heading: string; guess: string; line: number }[] = [];

  for (const section of splitSections(lexWithLines(body, bodyLine), ctx)) {
    if (section.heading === undefined) {
      if (section.tokens.some((t) => t.token.type !== 'space')) {
        const first = section.tokens.find((t) => t.token.type !== 'space')!;
        diagnostics.push(diagnostic('DK0201', { about: names.about }, file, first.line));
      }
      continue;
    }
    const { heading, line, tokens } = section;
    const kind = classify(heading);
    const named = kind === 'step' || kind === 'other' ? undefined : names[kind];
    if (named !== undefined && !sameName(heading, named)) {
      diagnostics.push(diagnostic('DK0202', { heading: heading.trim(), named }, file, line, 4));
    }
    if (kind !== 'step' && kind !== 'other') {
      if (seen.has(kind)) {
        diagnostics.push(diagnostic('DK0203', { name: names[kind], first: seen.get(kind)! }, file, line));
        continue;
      }
      seen.set(kind, line);
    }
    switch (kind) {
      case 'about':
        result.about = toBlocks(tokens, ctx);
        break;
      case 'advice':
        result.advice = toBlocks(tokens, ctx);
        break;
      case 'legal':
        result.legal = toBlocks(tokens, ctx);
        break;
      case 'case':
        result.case = toBlocks(tokens, ctx);
        break;
      case 'starting':
        result.guidingQuestions = listItems(tokens, line, `## ${names.starting}`, 'guiding');
        break;
      case 'preparation':
        result.preparation = listItems(tokens, line, `## ${names.preparation}`, 'preparation');
        break;
      case 'step': {
        if (result.steps.length === LIMITS.steps) {
          diagnostics.push(diagnostic('DK0204', { limit: LIMITS.steps }, file, line, 4));
        }
        const step = parseStep(heading, line, tokens);
        if (step) result.steps.push(step);
        else numbered.push({ number: Number(/\d+/.exec(heading)?.[0] ?? NaN), line });
        break;
      }
      case 'other': {
        const known = Object.values(names);
        const guess = closest(heading, known);
        // Said once the whole body is read: a misspelt required section is one error here, not two.
        if (guess) misspelt.push({ heading, guess, line });
        // Only the first section after it ends the legal background; later ones follow that one.
        if (lastKnown === 'legal' && result.extras.at(-1)?.after !== 'legal') {
          diagnostics.push(diagnostic('DK0206', { heading: heading.trim(), legal: names.legal }, file, line, 4));
        }
        result.extras.push({ title: heading, blocks: toBlocks(tokens, ctx), line, after: lastKnown });
        break;
      }
    }
    if (kind !== 'other') lastKnown = kind;
  }

  const end = bodyLine;
  // A heading that looks like a missing required section ("## Forbredelse") is that section misspelt:
  // one error at the heading, instead of a warning there and "missing" at the front matter's end.
  const missing = (kind: 'starting' | 'preparation' | 'legal') => !seen.has(kind);
  const misspeltAs = (kind: 'starting' | 'preparation' | 'legal') => misspelt.find((m) => m.guess === names[kind]);
  for (const m of misspelt) {
    const kind = (['starting', 'preparation'] as const).find((k) => names[k] === m.guess && missing(k));
    if (kind) diagnostics.push(diagnostic('DK0211', { heading: m.heading, name: m.guess }, file, m.line, 4));
    else diagnostics.push(diagnostic('DK0205', { heading: m.heading, guess: m.guess }, file, m.line, 4));
  }
  if (missing('starting') && !misspeltAs('starting')) diagnostics.push(diagnostic('DK0207', { name: names.starting }, file, end));
  if (missing('preparation') && !misspeltAs('preparation')) diagnostics.push(diagnostic('DK0208', { name: names.preparation }, file, end));
  if (
    result.steps.length === 0 &&
    !diagnostics.some((d) => d.code === 'DK0220' || String(d.params['heading'] ?? '').startsWith(stepWord))
  ) {
    diagnostics.push(diagnostic('DK0209', { stepWord }, file, end));
  }
  if (missing('legal')) diagnostics.push(diagnostic('DK0210', { name: names.legal }, file, end));
  checkStepOrder(result.steps);
  return result;

  // --- internal ---

  function classify(heading: string): SectionKind {
    for (const [kind, name] of Object.entries(names) as [SectionKind, string][]) if (sameName(heading, name)) return kind;
    // A known name with more after it ("Forberedelse – før dialogen") is that section.
    for (const [kind, name] of Object.entries(names) as [SectionKind, string][]) if (startsWithName(heading, name)) return kind;
    const word = heading.trim().split(/\s+/)[0] ?? '';
    if (sameName(word, stepWord) && /^\S+\s+\d/.test(heading.trim())) return 'step';
    return 'other';
  }

  function listItems(tokens: readonly Located[], line: number, name: string, what: 'guiding' | 'preparation'): ListItem[] {
    const lists = tokens.filter((t) => t.token.type === 'list');
    const others = tokens.filter((t) => t.token.type !== 'list' && t.token.type !== 'space' && !isAuthorComment(t.token));
    for (const other of others) {
      diagnostics.push(diagnostic('DK0212', { name }, file, other.line));
    }
    if (lists.length === 0) {
      diagnostics.push(diagnostic('DK0213', { name, what }, file, line));
      return [];
    }
    return lists.flatMap((l) => (toList(l.token as Tokens.List, l.line, ctx) as Extract<Block, { kind: 'list' }>).items);
  }

  function parseStep(heading: string, line: number, tokens: readonly Located[]): Step | undefined {
    const match = STEP_HEADING.exec(heading.trim());
    const example = `\`## ${stepWord} 1 (10 min): ${language === 'da' ? 'Rammesæt emnet' : 'Set the scene'}\``;
    if (!match) {
      const said = { stepWord, heading: heading.trim(), paren: /\(/.test(heading), bareMinutes: /\(\s*\d+\s*\)/.test(heading), example };
      diagnostics.push(diagnostic('DK0220', said, file, line, 4));
      return undefined;
    }
    const number = Number(match[2]);
    const minutes = Number(match[3]);
    const title = match[4]!.trim();
    if (minutes === 0) diagnostics.push(diagnostic('DK0221', { stepWord, number }, file, line, 4));
    if (title === '') diagnostics.push(diagnostic('DK0222', { stepWord, number, example }, file, line, 4));
    const subs = SUBSECTION_NAMES[language];
    const step: Step = { number, minutes, title, line, instructions: [], questions: [], tips: [], flipPrompts: [] };
    let mode: 'instructions' | 'questions' | 'flipover' = 'instructions';
    let modeLine = line;
    let modeHadList = true;
    const closeMode = () => {
      if (!modeHadList) {
        const name = mode === 'questions' ? subs.questions : subs.flipover;
        diagnostics.push(diagnostic('DK0223', { name }, file, modeLine));
      }
    };
    for (const item of tokens) {
      const token = item.token;
      if (token.type === 'heading' && (token as Tokens.Heading).depth === 3) {
        const text = (token as Tokens.Heading).text;
        if (sameName(text, subs.questions) || sameName(text, subs.flipover)) {
          closeMode();
          mode = sameName(text, subs.questions) ? 'questions' : 'flipover';
          modeLine = item.line;
          modeHadList = false;
          continue;
        }
        const guess = closest(text, [subs.questions, subs.flipover]);
        if (guess) diagnostics.push(diagnostic('DK0224', { heading: text, guess }, file, item.line, 5));
        closeMode();
        mode = 'instructions';
        modeHadList = true;
      }
      if (mode !== 'instructions' && token.type === 'list') {
        const list = toList(token as Tokens.List, item.line, ctx) as Extract<Block, { kind: 'list' }>;
        modeHadList = true;
        if (mode === 'questions') step.questions.push(...list.items);
        else step.flipPrompts.push(...list.items.map(toFlipPrompt).filter(withinPromptLimit));
        continue;
      }
      if (mode !== 'instructions' && token.type === 'space') continue;
      const [block] = toBlocks([item], ctx);
      if (!block) continue;
      if (block.kind === 'tip') step.tips.push(block.blocks);
      else if (mode !== 'instructions') {
        diagnostics.push(diagnostic('DK0225', {}, file, item.line));
        step.instructions.push(block);
      } else step.instructions.push(block);
    }
    closeMode();
    return step;
  }

  /** Each flip prompt is a sheet of paper: beyond the limit, the first one over it is reported and the rest are not kept. */
  function withinPromptLimit(prompt: FlipPrompt): boolean {
    flipPrompts++;
    if (flipPrompts === LIMITS.flipPrompts + 1) {
      diagnostics.push(diagnostic('DK0226', { limit: LIMITS.flipPrompts, sheet: flipPrompts }, file, prompt.line));
    }
    return flipPrompts <= LIMITS.flipPrompts;
  }

  function toFlipPrompt(item: ListItem): FlipPrompt {
    const details: FlipPrompt['details'] = [];
    for (const child of item.children) {
      if (child.kind === 'list') details.push(...child.items.map((i) => i.spans));
      else if (child.kind === 'paragraph') details.push(child.spans);
    }
    if (plainText(item.spans).trim() === '') {
      diagnostics.push(diagnostic('DK0227', {}, file, item.line));
    }
    return { spans: item.spans, details, line: item.line };
  }

  function checkStepOrder(parsed: readonly Step[]): void {
    // Malformed step headings (already reported) still hold their place in the numbering.
    const steps = [...parsed, ...numbered.filter((n) => !Number.isNaN(n.number))].sort((a, b) => a.line - b.line);
    // Each step is compared with the one before it, so one gap is reported once, not at every later step.
    steps.forEach((step, index) => {
      const expected = index === 0 ? 1 : steps[index - 1]!.number + 1;
      if (step.number !== expected) {
        const said = { stepWord, number: step.number, expected, missing: step.number > expected };
        diagnostics.push(diagnostic('DK0228', said, file, step.line, 4));
      }
    });
  }
}
