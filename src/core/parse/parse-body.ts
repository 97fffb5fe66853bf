import type { Tokens } from 'marked';
import { diagnostic } from '../diagnostics.js';
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

  for (const section of splitSections(lexWithLines(body, bodyLine), ctx)) {
    if (section.heading === undefined) {
      if (section.tokens.some((t) => t.token.type !== 'space')) {
        const first = section.tokens.find((t) => t.token.type !== 'space')!;
        diagnostics.push(
          diagnostic(
            'warning',
            file,
            first.line,
            'text before the first `##` section is not printed',
            `put it under \`## ${names.about}\``,
          ),
        );
      }
      continue;
    }
    const { heading, line, tokens } = section;
    const kind = classify(heading);
    const named = kind === 'step' || kind === 'other' ? undefined : names[kind];
    if (named !== undefined && !sameName(heading, named)) {
      diagnostics.push(
        diagnostic(
          'warning',
          file,
          line,
          `\`## ${heading.trim()}\` is read as the section \`## ${named}\`; the words after "${named}" are not printed`,
          `write \`## ${named}\`, and put the rest in the section's text`,
          4,
        ),
      );
    }
    if (kind !== 'step' && kind !== 'other') {
      if (seen.has(kind)) {
        diagnostics.push(
          diagnostic(
            'error',
            file,
            line,
            `the section \`## ${names[kind]}\` appears twice (first at line ${seen.get(kind)})`,
            'merge the two sections into one',
          ),
        );
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
        result.guidingQuestions = listItems(tokens, line, `## ${names.starting}`, 'the guiding questions');
        break;
      case 'preparation':
        result.preparation = listItems(tokens, line, `## ${names.preparation}`, 'one item per thing to prepare');
        break;
      case 'step': {
        if (result.steps.length === LIMITS.steps) {
          diagnostics.push(
            diagnostic(
              'error',
              file,
              line,
              `a topic has at most ${LIMITS.steps} steps; this is one more`,
              'merge steps, or split the topic in two',
              4,
            ),
          );
        }
        const step = parseStep(heading, line, tokens);
        if (step) result.steps.push(step);
        else numbered.push({ number: Number(/\d+/.exec(heading)?.[0] ?? NaN), line });
        break;
      }
      case 'other': {
        const known = Object.values(names);
        const guess = closest(heading, known);
        if (guess) {
          diagnostics.push(
            diagnostic(
              'warning',
              file,
              line,
              `unknown section \`## ${heading}\` is printed as it stands`,
              `did you mean \`## ${guess}\`?`,
              4,
            ),
          );
        }
        // Only the first section after it ends the legal background; later ones follow that one.
        if (lastKnown === 'legal' && result.extras.at(-1)?.after !== 'legal') {
          diagnostics.push(
            diagnostic(
              'warning',
              file,
              line,
              `\`## ${heading.trim()}\` ends the legal background: it and what follows are printed in the guide, not in the handout`,
              `write \`### ${heading.trim()}\` to keep it in the legal background, or move it before \`## ${names.legal}\``,
              4,
            ),
          );
        }
        result.extras.push({ title: heading, blocks: toBlocks(tokens, ctx), line, after: lastKnown });
        break;
      }
    }
    if (kind !== 'other') lastKnown = kind;
  }

  const end = bodyLine;
  if (!seen.has('starting'))
    diagnostics.push(
      diagnostic(
        'error',
        file,
        end,
        `the section \`## ${names.starting}\` is missing`,
        "add it with the topic's guiding questions as a list",
      ),
    );
  if (!seen.has('preparation'))
    diagnostics.push(
      diagnostic(
        'error',
        file,
        end,
        `the section \`## ${names.preparation}\` is missing`,
        'add it with one list item per thing to prepare',
      ),
    );
  if (result.steps.length === 0 && !diagnostics.some((d) => d.message.includes(`\`## ${stepWord}`))) {
    diagnostics.push(diagnostic('error', file, end, 'the topic has no steps', `add at least one \`## ${stepWord} 1 (10 min): …\` section`));
  }
  if (!seen.has('legal'))
    diagnostics.push(
      diagnostic(
        'warning',
        file,
        end,
        `the section \`## ${names.legal}\` is missing; the handout will have no legal background`,
        `add \`## ${names.legal}\` with the legal background participants are handed`,
      ),
    );
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

  function listItems(tokens: readonly Located[], line: number, name: string, what: string): ListItem[] {
    const lists = tokens.filter((t) => t.token.type === 'list');
    const others = tokens.filter((t) => t.token.type !== 'list' && t.token.type !== 'space' && !isAuthorComment(t.token));
    for (const other of others) {
      diagnostics.push(
        diagnostic(
          'warning',
          file,
          other.line,
          `only list items are printed under \`${name}\`; this text is left out`,
          `write it as a list item: \`- …\``,
        ),
      );
    }
    if (lists.length === 0) {
      diagnostics.push(
        diagnostic('error', file, line, `\`${name}\` has no list`, `write ${what} as list items, each starting with \`- \``),
      );
      return [];
    }
    return lists.flatMap((l) => (toList(l.token as Tokens.List, l.line, ctx) as Extract<Block, { kind: 'list' }>).items);
  }

  function parseStep(heading: string, line: number, tokens: readonly Located[]): Step | undefined {
    const match = STEP_HEADING.exec(heading.trim());
    const example = `\`## ${stepWord} 1 (10 min): ${language === 'da' ? 'Rammesæt emnet' : 'Set the scene'}\``;
    if (!match) {
      const hint = /\(\s*\d+\s*\)/.test(heading) ? `write the minutes with "min": ${example}` : `write the step as ${example}`;
      const what = /\(/.test(heading) ? 'the step heading is not in the form' : 'the step heading has no minutes';
      diagnostics.push(diagnostic('error', file, line, `${what} \`${stepWord} N (M min): Title\`: "${heading.trim()}"`, hint, 4));
      return undefined;
    }
    const number = Number(match[2]);
    const minutes = Number(match[3]);
    const title = match[4]!.trim();
    if (minutes === 0)
      diagnostics.push(
        diagnostic('error', file, line, `${stepWord} ${number} lasts 0 minutes`, 'give the step its time in minutes, e.g. `(8 min)`', 4),
      );
    if (title === '')
      diagnostics.push(
        diagnostic('error', file, line, `${stepWord} ${number} has no title`, `write a title after the colon: ${example}`, 4),
      );
    const subs = SUBSECTION_NAMES[language];
    const step: Step = { number, minutes, title, line, instructions: [], questions: [], tips: [], flipPrompts: [] };
    let mode: 'instructions' | 'questions' | 'flipover' = 'instructions';
    let modeLine = line;
    let modeHadList = true;
    const closeMode = () => {
      if (!modeHadList) {
        const name = mode === 'questions' ? subs.questions : subs.flipover;
        diagnostics.push(
          diagnostic(
            'error',
            file,
            modeLine,
            `\`### ${name}\` must be followed by a list`,
            'write each item on its own line, starting with `- `',
          ),
        );
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
        if (guess)
          diagnostics.push(
            diagnostic(
              'warning',
              file,
              item.line,
              `\`### ${text}\` is printed as an ordinary heading`,
              `did you mean \`### ${guess}\`?`,
              5,
            ),
          );
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
        diagnostics.push(
          diagnostic(
            'warning',
            file,
            item.line,
            'this text stands among list items and is printed as an instruction',
            'put instructions before the `###` heading',
          ),
        );
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
      diagnostics.push(
        diagnostic(
          'error',
          file,
          prompt.line,
          `a topic has at most ${LIMITS.flipPrompts} flip-chart sheets; this is sheet ${flipPrompts}`,
          'keep the prompts for the flip chart few and short; put the rest under `### Dialogspørgsmål`',
        ),
      );
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
      diagnostics.push(diagnostic('error', file, item.line, 'a flip-chart item is empty', 'write the question after `- `'));
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
        const detail =
          step.number > expected ? `${stepWord} ${expected} is missing` : `${stepWord} ${step.number} comes again or out of order`;
        diagnostics.push(
          diagnostic('error', file, step.line, `steps must be numbered 1, 2, 3 … in order: ${detail}`, `number this step ${expected}`, 4),
        );
      }
    });
  }
}
