import { isMap, isScalar, type LineCounter, type Node as YamlNode, type YAMLMap } from 'yaml';
import { fromProblem, problem, type Code, type ParamsOf, type Problem } from '../messages/index.js';
import type { Diagnostic } from '../model.js';
import { firstLookAlike } from '../parse/yaml-errors.js';
import { closest } from '../suggest.js';
import { cleanValue, unwantedParams } from '../parse/source-text.js';

/**
 * A declarative schema for YAML settings (a topic's front matter, a layout's settings) and the one
 * small reader that checks a parsed YAML map against it: unknown keys with "did you mean", missing
 * required keys, wrong types and values, each a diagnostic at its own line and column.
 */

/** Codes whose parameters are exactly `P`: a field may name its own code for a problem (with its own hint). */
export type CodeWith<P> = { [C in Code]: [ParamsOf<C>] extends [P] ? ([P] extends [ParamsOf<C>] ? C : never) : never }[Code];

/** What a value may be. `custom` gives the checked value, or a problem (whose parameters name the key). */
export type Field = (
  | { kind: 'text'; pattern?: { test: RegExp; code: CodeWith<{ name: string; text: string }> } }
  | { kind: 'choice'; values: readonly (string | boolean)[]; code?: CodeWith<{ name: string; values: readonly string[]; got: string }> }
  | { kind: 'integer'; min: number; max: number; code?: CodeWith<{ name: string; min: number; max: number }> }
  | { kind: 'boolean' }
  | { kind: 'map'; fields: Schema; example: string; code?: CodeWith<{ name: string; example: string }> }
  | { kind: 'custom'; read: (value: unknown, name: string) => Read }
) & { required?: boolean; missingCode?: CodeWith<{ name: string; key: string }> };

export type Read = { value: unknown } | { problem: Problem };

export type Schema = Readonly<Record<string, Field>>;

/** Values read, by key; nested maps as nested `Settings`. Absent or wrong keys are missing. */
export interface Settings {
  values: Map<string, unknown>;
  /** The YAML node of each key that was present, for positions of later cross-key checks. */
  nodes: Map<string, YamlNode>;
}

/** Where reports go, and how node offsets become lines. */
export interface SettingsContext {
  file: string;
  lineCounter: LineCounter;
  /** Lines of the file before the YAML text starts (0 when the YAML starts on line 1). */
  lineOffset?: number;
  /** What the file calls its keys in messages: a topic's `key`s, a layout's `setting`s. */
  noun?: 'key' | 'setting';
  /** The code for a value that should be a group of keys but is not (a layout's settings have their own). */
  notMapCode?: CodeWith<{ name: string; example: string }>;
  diagnostics: Diagnostic[];
}

/**
 * Reads `map` against `schema`. `path` prefixes nested keys in messages (`media.`). Nothing from the
 * file becomes an object key of ours: values go into Maps keyed by the schema's own names.
 */
export function readSettings(map: YAMLMap, schema: Schema, ctx: SettingsContext, path = ''): Settings {
  const noun = ctx.noun ?? 'key';
  const known = Object.keys(schema);
  const found = new Map<string, YamlNode>();
  // A key an unknown one was taken for ("titel" → title): its absence is not reported twice.
  const suggested = new Set<string>();
  for (const pair of map.items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (!Object.hasOwn(schema, key)) {
      const guess = closest(key, known);
      if (guess) suggested.add(guess);
      const odd = firstLookAlike(key);
      report(ctx, keyNode, problem('DK0130', { key, parent: path.slice(0, -1), noun, odd: odd?.char ?? '', guess: guess ?? '', known }));
      continue;
    }
    found.set(key, pair.value as YamlNode);
  }

  const values = new Map<string, unknown>();
  for (const [key, field] of Object.entries(schema)) {
    const name = `${path}${key}`;
    const node = found.get(key);
    const raw = node === undefined || node === null ? undefined : isScalar(node) ? node.value : node;
    if (raw === undefined || raw === null) {
      if (field.required && !suggested.has(key)) {
        report(ctx, node ?? map, problem(field.missingCode ?? 'DK0131', { name, key }));
      }
      continue;
    }
    const read = readField(field, raw, node!, name, ctx);
    if ('problem' in read) report(ctx, node!, read.problem);
    else values.set(key, read.value);
  }
  return { values, nodes: found };
}

/** `file:line:col` of a node, as a diagnostic. */
export function report(ctx: SettingsContext, node: YamlNode | null | undefined, said: Problem): void {
  const offset = node?.range?.[0];
  const pos = offset === undefined ? { line: 1, col: 1 } : ctx.lineCounter.linePos(offset);
  ctx.diagnostics.push(fromProblem(said, ctx.file, pos.line + (ctx.lineOffset ?? 0), pos.col));
}

// --- internal ---

function readField(field: Field, raw: unknown, node: YamlNode, name: string, ctx: SettingsContext): Read {
  switch (field.kind) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return { problem: problem('DK0133', { name }) };
      // A YAML escape can write what the source-text check took out of the file: out with a warning.
      const cleaned = cleanValue(String(raw));
      for (const char of cleaned.unwanted) report(ctx, node, problem('DK0132', { name, ...unwantedParams(char) }));
      const text = cleaned.text.trim();
      if (text === '') return { problem: problem('DK0134', { name }) };
      if (field.pattern && !field.pattern.test.test(text)) return { problem: problem(field.pattern.code, { name, text }) };
      return { value: text };
    }
    case 'choice':
      return field.values.includes(raw as string | boolean)
        ? { value: raw }
        : { problem: problem(field.code ?? 'DK0135', { name, values: field.values.map(String), got: String(raw) }) };
    case 'integer':
      return typeof raw === 'number' && Number.isInteger(raw) && raw >= field.min && raw <= field.max
        ? { value: raw }
        : { problem: problem(field.code ?? 'DK0136', { name, min: field.min, max: field.max }) };
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : { problem: problem('DK0137', { name }) };
    case 'map':
      if (!isMap(node)) return { problem: problem(field.code ?? ctx.notMapCode ?? 'DK0138', { name, example: field.example }) };
      return { value: readSettings(node, field.fields, ctx, `${name}.`) };
    case 'custom':
      return field.read(raw, name);
  }
}
