import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { diagnostic, fromProblem, problem, type Problem } from '../messages/index.js';
import type { Diagnostic, Language } from '../model.js';
import { LABEL_SHAPE, type LabelShape, type Labels } from '../settings/labels.js';
import { closest } from '../suggest.js';
import type { LayoutSource } from './layout.js';

/**
 * `labels.yml`, checked and read. The built-in file is complete: Danish against the shape the
 * code uses, English key for key against Danish. An editor's own file (`--templates DIR`) may hold
 * only the labels it changes: each is checked against the shape at its own line (a misspelt key
 * gets its did-you-mean, a group where a text belongs is refused), and the rest come from the
 * built-in file (`source.base`).
 */

export interface PreparedLabels {
  sets?: Record<Language, Labels>;
  danish?: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

export function prepareLabels(source: LayoutSource): PreparedLabels {
  if (source.base === undefined) return prepareComplete(source);
  const base = prepareComplete({ name: source.name, path: 'templates/labels.yml', text: source.base });
  if (!base.sets) return base;
  const read = readYaml(source);
  if ('diagnostics' in read) return { diagnostics: read.diagnostics };
  const { document, root, error } = read;
  if (!isMap(root)) return { diagnostics: [error(isNode(root) ? root : undefined, problem('DK0506', {}))] };
  const diagnostics: Diagnostic[] = [];
  const sets = { da: structuredClone(base.sets.da), en: structuredClone(base.sets.en) } as Record<Language, Record<string, unknown>>;
  for (const item of root.items) {
    const language = keyName(item);
    const keyNode = isNode(item.key) ? item.key : root;
    if (language !== 'da' && language !== 'en') {
      diagnostics.push(
        error(keyNode, problem('DK0526', { name: language, guess: closest(language, ['da', 'en']) ?? '', known: ['da', 'en'] })),
      );
      continue;
    }
    // `da:` with nothing under it overrides nothing.
    if (item.value === null || (isScalar(item.value) && item.value.value === null)) continue;
    if (!isMap(item.value)) {
      diagnostics.push(error(keyNode, problem('DK0509', { name: language, keys: Object.keys(LABEL_SHAPE) })));
      continue;
    }
    diagnostics.push(...overlay(item.value, LABEL_SHAPE, sets[language], language, document, error));
  }
  if (diagnostics.length > 0) return { diagnostics, danish: sets.da };
  return { sets: sets as unknown as Record<Language, Labels>, danish: sets.da, diagnostics };
}

// --- internal ---

type ErrorAt = (node: Node | undefined, said: Problem) => Diagnostic;

function readYaml(source: LayoutSource): { document: Document; root: unknown; error: ErrorAt } | { diagnostics: Diagnostic[] } {
  // The loader hands over an empty text for a labels file it could not read (deleted while watching).
  if (source.text.trim() === '') return { diagnostics: [diagnostic('DK0504', {}, source.path, 1)] };
  const lines = new LineCounter();
  const document = parseDocument(source.text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true });
  const yamlError = document.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    return {
      diagnostics: [diagnostic('DK0505', { detail: yamlError.message.split('\n')[0]! }, source.path, pos?.line ?? 1, pos?.col ?? 1)],
    };
  }
  const error: ErrorAt = (node, said) => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    return fromProblem(said, source.path, pos.line, pos.col);
  };
  return { document, root: document.contents, error };
}

/** The complete file: Danish against the shape, then English key for key against Danish. */
function prepareComplete(source: LayoutSource): PreparedLabels {
  const read = readYaml(source);
  if ('diagnostics' in read) return { diagnostics: read.diagnostics };
  const { document, root, error } = read;
  const da = isMap(root) ? (root.get('da', true) as Node | undefined) : undefined;
  const en = isMap(root) ? (root.get('en', true) as Node | undefined) : undefined;
  if (!isMap(da) || !isMap(en)) return { diagnostics: [error(isNode(root) ? root : undefined, problem('DK0506', {}))] };
  const daKey = isMap(root) ? (root.items.find((item) => keyName(item) === 'da')?.key as Node | undefined) : undefined;
  const diagnostics = [
    ...compareShape(da, daKey, LABEL_SHAPE, 'da', error),
    ...compareMaps(da, en, 'da', 'en', error),
    ...compareMaps(en, da, 'en', 'da', error),
  ];
  const danish = da.toJS(document) as Record<string, unknown>;
  if (diagnostics.length > 0) return { diagnostics, danish };
  return { sets: { da: danish as unknown as Labels, en: en.toJS(document) as Labels }, danish, diagnostics };
}

/** The labels an editor's file gives, each checked against the shape, written over `into` (the built-in set). */
function overlay(
  map: YAMLMap,
  shape: LabelShape,
  into: Record<string, unknown>,
  path: string,
  document: Document,
  error: ErrorAt,
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (typeof shape === 'string') return problems;
  const known = Object.keys(shape);
  for (const item of map.items) {
    const key = keyName(item);
    const name = `${path}.${key}`;
    const keyNode = isNode(item.key) ? item.key : map;
    const value = isNode(item.value) ? item.value : undefined;
    if (!Object.hasOwn(shape, key)) {
      problems.push(error(keyNode, problem('DK0526', { name, guess: closest(key, known) ?? '', known })));
      continue;
    }
    const expected = shape[key]!;
    if (typeof expected === 'string') {
      if (!isScalar(value) || typeof value.value !== 'string') problems.push(error(value ?? keyNode, problem('DK0508', { name })));
      else into[key] = value.value;
    } else if (!isMap(value)) {
      problems.push(error(value ?? keyNode, problem('DK0509', { name, keys: Object.keys(expected) })));
    } else {
      problems.push(...overlay(value, expected, into[key] as Record<string, unknown>, name, document, error));
    }
  }
  return problems;
}

function keyName(item: { key: unknown }): string {
  return isScalar(item.key) ? String(item.key.value) : String(item.key);
}

/** Every key of `shape` is in `map` (a text where a text is expected, a group where a group is); a missing one is reported at `owner`, the map's own key. */
function compareShape(map: YAMLMap, owner: Node | undefined, shape: LabelShape, path: string, error: ErrorAt): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (typeof shape === 'string') return problems;
  for (const [key, expected] of Object.entries(shape)) {
    const value = map.get(key, true) as Node | undefined;
    const name = `${path}.${key}`;
    if (value === undefined) {
      problems.push(error(owner ?? map, problem('DK0507', { name, key })));
    } else if (typeof expected === 'string') {
      if (!isScalar(value) || typeof value.value !== 'string') problems.push(error(value, problem('DK0508', { name })));
    } else if (!isMap(value)) {
      problems.push(error(value, problem('DK0509', { name, keys: Object.keys(expected) })));
    } else
      problems.push(
        ...compareShape(value, map.items.find((item) => keyName(item) === key)?.key as Node | undefined, expected, name, error),
      );
  }
  return problems;
}

/** Every key of `map` is also in `other`: the two languages have the same labels. */
function compareMaps(map: YAMLMap, other: YAMLMap, path: string, otherPath: string, error: ErrorAt): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const item of map.items) {
    const key = keyName(item);
    const counterpart = other.get(key, true) as Node | undefined;
    if (counterpart === undefined) {
      const guess = closest(key, other.items.map(keyName)) ?? '';
      problems.push(error(isNode(item.key) ? item.key : map, problem('DK0510', { path, key, otherPath, guess })));
    } else if (isMap(item.value) && isMap(counterpart))
      problems.push(...compareMaps(item.value, counterpart, `${path}.${key}`, `${otherPath}.${key}`, error));
  }
  return problems;
}
