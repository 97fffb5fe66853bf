import { isMap, isScalar, type LineCounter, type Node as YamlNode, type YAMLMap } from 'yaml';
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../model.js';
import { firstLookAlike } from '../parse/yaml-errors.js';
import { closest } from '../suggest.js';
import { cleanValue, unwantedMessage } from '../parse/source-text.js';

/**
 * A declarative schema for YAML settings (a topic's front matter, a layout's settings) and the one
 * small reader that checks a parsed YAML map against it: unknown keys with "did you mean", missing
 * required keys, wrong types and values, each a diagnostic at its own line and column.
 */

/** What a value may be. `custom` gives the checked value, or a problem that reads after the key. */
export type Field = (
  | { kind: 'text'; pattern?: { test: RegExp; problem: string; hint: string } }
  | { kind: 'choice'; values: readonly (string | boolean)[]; hint?: string }
  | { kind: 'integer'; min: number; max: number; hint?: string }
  | { kind: 'boolean' }
  | { kind: 'map'; fields: Schema; example: string; hint?: string }
  | { kind: 'custom'; read: (value: unknown) => Read }
) & { required?: boolean; missingHint?: string };

export type Read = { value: unknown } | { problem: string; hint?: string };

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
  diagnostics: Diagnostic[];
}

/**
 * Reads `map` against `schema`. `path` prefixes nested keys in messages (`media.`). Nothing from the
 * file becomes an object key of ours: values go into Maps keyed by the schema's own names.
 */
export function readSettings(map: YAMLMap, schema: Schema, ctx: SettingsContext, path = ''): Settings {
  const noun = ctx.noun ?? 'key';
  const where = path === '' ? '' : ` ${noun === 'key' ? 'in' : 'under'} \`${path.slice(0, -1)}\``;
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
      report(
        ctx,
        keyNode,
        `unknown ${noun} \`${key}\`${where}${odd ? ` (it contains ${odd.name})` : ''}`,
        guess ? `did you mean \`${guess}\`?` : `known ${noun}s: ${known.join(', ')}`,
      );
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
        report(ctx, node ?? map, `\`${name}\` is missing`, field.missingHint ?? `add a line \`${key}: …\``);
      }
      continue;
    }
    const read = readField(field, raw, node!, name, ctx);
    if ('problem' in read) report(ctx, node!, `\`${name}\` ${read.problem}`, read.hint);
    else values.set(key, read.value);
  }
  return { values, nodes: found };
}

/** `file:line:col` of a node, as a diagnostic. */
export function report(
  ctx: SettingsContext,
  node: YamlNode | null | undefined,
  message: string,
  hint?: string,
  severity: 'error' | 'warning' = 'error',
): void {
  const offset = node?.range?.[0];
  const pos = offset === undefined ? { line: 1, col: 1 } : ctx.lineCounter.linePos(offset);
  ctx.diagnostics.push(diagnostic(severity, ctx.file, pos.line + (ctx.lineOffset ?? 0), message, hint, pos.col));
}

// --- internal ---

function readField(field: Field, raw: unknown, node: YamlNode, name: string, ctx: SettingsContext): Read {
  switch (field.kind) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return { problem: 'must be text' };
      // A YAML escape can write what the source-text check took out of the file: out with a warning.
      const cleaned = cleanValue(String(raw));
      for (const char of cleaned.unwanted)
        report(ctx, node, `\`${name}\`: ${unwantedMessage(char)}`, 'delete the escape (`\\u…`, `\\x…`, `\\e`) from the value', 'warning');
      const text = cleaned.text.trim();
      if (text === '') return { problem: 'is empty', hint: `write the ${name} after \`${name}:\`` };
      if (field.pattern && !field.pattern.test.test(text))
        return { problem: `"${text}" ${field.pattern.problem}`, hint: field.pattern.hint };
      return { value: text };
    }
    case 'choice':
      return field.values.includes(raw as string | boolean)
        ? { value: raw }
        : {
            problem: `must be ${orList(field.values.map(String))}, not "${String(raw)}"`,
            ...(field.hint !== undefined && { hint: field.hint }),
          };
    case 'integer':
      return typeof raw === 'number' && Number.isInteger(raw) && raw >= field.min && raw <= field.max
        ? { value: raw }
        : { problem: `must be a whole number from ${field.min} to ${field.max}`, ...(field.hint !== undefined && { hint: field.hint }) };
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : { problem: 'must be `true` or `false`' };
    case 'map':
      if (!isMap(node))
        return {
          problem: ctx.noun === 'setting' ? 'must be a group of settings, not a single value' : 'must be a map of keys',
          hint: field.hint ?? `write e.g. ${field.example}`,
        };
      return { value: readSettings(node, field.fields, ctx, `${name}.`) };
    case 'custom':
      return field.read(raw);
  }
}

function orList(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
