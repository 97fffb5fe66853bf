import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { dateReason, FIRST_DATE, LAST_DATE } from '../dates.js';
import { diagnostic, problem } from '../messages/index.js';
import type { AdaptationSource, Diagnostic } from '../model.js';
import { readYamlDocument } from '../parse/front-matter.js';
import { readSettings, report, type Read, type Schema, type SettingsContext } from '../settings/read-settings.js';
import type { BuildOptions } from '../settings/options.js';

/**
 * The facilitator's adaptation of one topic (`tilpasning.yml`): which steps to leave out or
 * retime, a local note per step, replaced or extra questions and flip-chart prompts, the medium
 * seen before the meeting, and the kit's settings (organisation, date, start, duration, group).
 * Read here from YAML into plain data with every position kept; `apply-adaptation.ts` checks it
 * against the topic (step numbers exist) and makes the adapted topic. Pure.
 */

/** A position in the adaptation file. */
export interface At {
  line: number;
  col: number;
}

/** A list of texts (questions or prompts), each with its position. */
export type Texts = { text: string; at: At }[];

export interface StepChange {
  /** The step's number in the topic (`## Trin N`). */
  number: number;
  at: At;
  minutes?: number;
  skip?: boolean;
  note?: string;
  /** Replace the step's dialogue questions. */
  questions?: Texts;
  addQuestions?: Texts;
  /** Replace the step's flip-chart prompts. */
  prompts?: Texts;
  addPrompts?: Texts;
}

/** The kit's settings an adaptation may hold, as the CLI's options. */
export type AdaptedOptions = Pick<BuildOptions, 'organisation' | 'date' | 'start' | 'duration' | 'participants' | 'note'>;

export interface Adaptation {
  file: string;
  topic: string;
  /** Positions of the keys, for reports that need the topic (an unknown slug, `duration` it cannot meet). */
  at: { topic: At; media?: At; duration?: At };
  /** `before`: the film or podcast is seen, or the case read, before the meeting. */
  media?: 'before' | 'during';
  options: AdaptedOptions;
  steps: StepChange[];
}

/** Keys of the file, in the order the docs and the page's form write them. */
export const ADAPTATION_SCHEMA: Schema = {
  topic: {
    kind: 'text',
    required: true,
    pattern: { test: /^[a-z0-9-]+$/, code: 'DK0404' },
    missingCode: 'DK0403',
  },
  media: { kind: 'choice', values: ['before', 'during'], code: 'DK0405' },
  organisation: { kind: 'text' },
  date: { kind: 'custom', read: readDate },
  start: {
    kind: 'text',
    pattern: { test: /^([01]\d|2[0-3]):[0-5]\d$/, code: 'DK0406' },
  },
  duration: { kind: 'integer', min: 1, max: 480, code: 'DK0407' },
  participants: { kind: 'integer', min: 2, max: 200, code: 'DK0408' },
  note: { kind: 'custom', read: (value, name) => boundedText(value, name, 400) },
  steps: { kind: 'custom', read: (value, name) => (isMap(value) ? { value } : { problem: problem('DK0409', { name }) }) },
};

const STEP_SCHEMA: Schema = {
  minutes: { kind: 'integer', min: 1, max: 480, code: 'DK0410' },
  skip: { kind: 'boolean' },
  note: { kind: 'custom', read: (value, name) => boundedText(value, name, 400) },
  questions: { kind: 'custom', read: textList },
  addQuestions: { kind: 'custom', read: textList },
  prompts: { kind: 'custom', read: textList },
  addPrompts: { kind: 'custom', read: textList },
};

/** Limits that keep a hostile file from costing more than a topic would. */
const MAX_BYTES = 256 * 1024;
const MAX_STEPS = 200;

/** Reads one adaptation file; `adaptation` is absent when it has errors (all in `diagnostics`). */
export function parseAdaptation(source: AdaptationSource): { adaptation?: Adaptation; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const file = source.path;
  if (source.text.length > MAX_BYTES)
    return {
      diagnostics: [diagnostic('DK0401', {}, file, 1)],
    };
  const text = source.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  if (!readYamlDocument(file, document, text, lineCounter, diagnostics)) return { diagnostics };
  const root = document.contents;
  if (!isMap(root))
    return {
      diagnostics: [diagnostic('DK0402', {}, file, 1)],
    };
  const ctx: SettingsContext = { file, lineCounter, diagnostics };
  const settings = readSettings(root, ADAPTATION_SCHEMA, ctx);
  const at = (key: string): At | undefined => position(ctx, settings.nodes.get(key));
  const steps = settings.values.has('steps') ? readSteps(settings.values.get('steps') as YAMLMap, ctx) : [];
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const value = <T>(key: string) => settings.values.get(key) as T | undefined;
  const options: AdaptedOptions = {};
  for (const key of ['organisation', 'date', 'start', 'duration', 'participants', 'note'] as const) {
    const v = value<never>(key);
    if (v !== undefined) options[key] = v;
  }
  const media = value<'before' | 'during'>('media');
  const durationAt = at('duration');
  return {
    adaptation: {
      file,
      topic: value<string>('topic')!,
      at: { topic: at('topic')!, ...(media && { media: at('media')! }), ...(durationAt && { duration: durationAt }) },
      ...(media && { media }),
      options,
      steps,
    },
    diagnostics,
  };
}

// --- internal ---

function readSteps(map: YAMLMap, ctx: SettingsContext): StepChange[] {
  const steps: StepChange[] = [];
  if (map.items.length > MAX_STEPS) {
    report(ctx, map, problem('DK0419', { limit: MAX_STEPS }));
    return steps;
  }
  for (const pair of map.items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? keyNode.value : undefined;
    const number = typeof key === 'number' ? key : typeof key === 'string' && /^\d+$/.test(key.trim()) ? Number(key) : NaN;
    if (!Number.isInteger(number) || number < 1) {
      report(ctx, keyNode, problem('DK0420', { key: String(key) }));
      continue;
    }
    const node = pair.value as YamlNode | null;
    if (!isMap(node)) {
      report(ctx, node ?? keyNode, problem('DK0421', { number }));
      continue;
    }
    const read = readSettings(node, STEP_SCHEMA, ctx, `steps.${number}.`);
    const change: StepChange = { number, at: position(ctx, keyNode)! };
    for (const [name, v] of read.values) {
      if (name === 'questions' || name === 'addQuestions' || name === 'prompts' || name === 'addPrompts') {
        change[name] = (v as { text: string; node?: YamlNode }[]).map((t) => ({ text: t.text, at: position(ctx, t.node) ?? change.at }));
      } else (change as unknown as Record<string, unknown>)[name] = v;
    }
    steps.push(change);
  }
  return steps;
}

/** A list of texts, or one text for a list of one. */
function textList(value: unknown, name: string): Read {
  const items = isSeq(value) ? value.items : [value];
  const texts: { text: string; node?: YamlNode }[] = [];
  for (const item of items) {
    const raw = isScalar(item) ? item.value : isSeq(value) ? item : value;
    if (typeof raw !== 'string' && typeof raw !== 'number') return { problem: problem('DK0411', { name }) };
    const text = String(raw).trim();
    if (text === '') return { problem: problem('DK0412', { name }) };
    if (text.length > 600) return { problem: problem('DK0413', { name, max: 600 }) };
    texts.push({ text, ...(isScalar(item) && { node: item }) });
  }
  if (texts.length > 40) return { problem: problem('DK0414', { name, max: 40 }) };
  return { value: texts };
}

function boundedText(value: unknown, name: string, max: number): Read {
  if (typeof value !== 'string' && typeof value !== 'number') return { problem: problem('DK0133', { name }) };
  const text = String(value).trim();
  if (text === '') return { problem: problem('DK0416', { name }) };
  if (text.length > max) return { problem: problem('DK0417', { name, max }) };
  return { value: text };
}

function readDate(value: unknown, name: string): Read {
  // YAML reads an unquoted 2027-01-15 as text here (strict core schema), but a number is possible.
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const reason = dateReason(text);
  return reason === undefined
    ? { value: text }
    : { problem: problem('DK0418', { name, text, reason, first: FIRST_DATE, last: LAST_DATE }) };
}

function position(ctx: SettingsContext, node: YamlNode | null | undefined): At | undefined {
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const pos = ctx.lineCounter.linePos(offset);
  return { line: pos.line, col: pos.col };
}
