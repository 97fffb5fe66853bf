import { isMap, isNode, isScalar, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { diagnostic } from '../diagnostics.js';
import { LABEL_SHAPE, type LabelShape, type Labels } from '../settings/labels.js';
import { splitFrontMatter } from '../parse/front-matter.js';
import { compileLayout, TemplateError, type Layout, type LayoutSet, type LayoutSource, type LayoutSources } from './layout.js';
import type { Diagnostic, Language } from '../model.js';
import { readLayoutSettings } from '../settings/layout-settings.js';
import type { SettingsTable } from '../settings/settings-table.js';
import { closest } from '../suggest.js';
import { VIEW_FIELDS } from '../view/view-model.js';

export type { LayoutSet, LayoutSources } from './layout.js';

/** What checking a layout needs to know of its product (products/product.ts's `Product`). */
export interface LayoutProduct {
  name: string;
  file: string;
  parts: readonly string[];
  settings: SettingsTable;
}

/**
 * Turns layouts, labels and fonts into typed, checked values, once, for build, check, watch,
 * publishing and the browser kit alike. Every mistake is a diagnostic at its file and line.
 * `products` are the products printed from a layout (products/index.ts's `LAYOUT_PRODUCTS`),
 * passed in so that layouts sit below the products that use them.
 */
export function checkLayoutSet(sources: LayoutSources, products: readonly LayoutProduct[]): LayoutSet {
  const labels = prepareLabels(sources.labels);
  const diagnostics: Diagnostic[] = [...labels.diagnostics];
  const layouts = new Map<string, Layout>();
  for (const product of products) {
    const source = sources.layouts.find((l) => l.name === product.name);
    if (!source) {
      diagnostics.push(
        diagnostic(
          'error',
          `templates/${product.name}.hbs`,
          1,
          `the layout for ${product.file} is missing`,
          'restore it from the repository',
        ),
      );
      continue;
    }
    // One reader for layouts and topics: the same split, the same schema reader (settings.ts).
    const front = splitFrontMatter(source.path, source.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
    const settings = readLayoutSettings(product.settings, front, source.path, sources.fonts);
    let layout: Layout;
    try {
      layout = compileLayout({ ...source, body: front.body, bodyLine: front.bodyLine }, settings.values, product.parts);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      diagnostics.push(...settings.diagnostics, error.diagnostic);
      continue;
    }
    const problems = [...settings.diagnostics, ...referenceProblems(layout, labels.danish)];
    diagnostics.push(...problems);
    if (problems.length === 0) layouts.set(product.name, layout);
  }
  return { layouts, ...(labels.sets && { labels: labels.sets }), diagnostics };
}

/** `labels.…`, `topic.…` and `options.…` in a layout must name something that exists. */
function referenceProblems(layout: Layout, danish: Record<string, unknown> | undefined): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const ref of layout.references) {
    const [root, ...rest] = ref.path;
    const known = root === 'labels' ? danish : root === 'topic' || root === 'options' ? VIEW_FIELDS[root] : undefined;
    if (!known) continue;
    let here: unknown = known;
    for (const [index, key] of rest.entries()) {
      if (here === null || typeof here !== 'object' || Array.isArray(here)) break;
      const keys = Object.keys(here);
      if (!Object.hasOwn(here, key)) {
        const guess = closest(key, keys);
        const name = [root, ...rest.slice(0, index + 1)].join('.');
        problems.push(
          diagnostic(
            'error',
            layout.path,
            ref.line,
            `\`${name}\` does not exist`,
            guess ? `did you mean \`${[root, ...rest.slice(0, index), guess].join('.')}\`?` : `known here: ${keys.join(', ')}`,
            ref.col,
          ),
        );
        break;
      }
      here = (here as Record<string, unknown>)[key];
      if (root === 'labels' && index === rest.length - 1 && here !== null && typeof here === 'object') {
        const name = ref.path.join('.');
        problems.push(
          diagnostic(
            'error',
            layout.path,
            ref.line,
            `\`${name}\` is a group of labels, not one`,
            `name one of them, e.g. \`${name}.${Object.keys(here)[0] ?? ''}\``,
            ref.col,
          ),
        );
      }
    }
  }
  return problems;
}

export interface PreparedLabels {
  sets?: Record<Language, Labels>;
  danish?: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

/** labels.yml: YAML, then the Danish set against the shape the code uses, then English key for key against Danish. */
export function prepareLabels(source: LayoutSource): PreparedLabels {
  // The loader hands over an empty text for a labels file it could not read (deleted while watching).
  if (source.text.trim() === '')
    return { diagnostics: [diagnostic('error', source.path, 1, 'the labels file is missing or empty', 'restore it from the repository')] };
  const lines = new LineCounter();
  const text = source.text.replace(/^\uFEFF/, '');
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const at = (node: Node | undefined) => lines.linePos(node?.range?.[0] ?? 0);
  const error = (node: Node | undefined, message: string, hint?: string) => {
    const pos = at(node);
    return diagnostic('error', source.path, pos.line, message, hint, pos.col);
  };
  const yamlError = document.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    return {
      diagnostics: [
        diagnostic('error', source.path, pos?.line ?? 1, `bad YAML: ${yamlError.message.split('\n')[0]!}`, undefined, pos?.col ?? 1),
      ],
    };
  }
  const root = document.contents;
  const da = isMap(root) ? (root.get('da', true) as Node | undefined) : undefined;
  const en = isMap(root) ? (root.get('en', true) as Node | undefined) : undefined;
  if (!isMap(da) || !isMap(en))
    return { diagnostics: [error(isNode(root) ? root : undefined, 'labels must have a `da:` and an `en:` section')] };
  const daKey = isMap(root) ? (root.items.find((item) => keyName(item) === 'da')?.key as Node | undefined) : undefined;
  const diagnostics = [
    ...compareShape(da, daKey, LABEL_SHAPE, 'da', 'the code', error),
    ...compareMaps(da, en, 'da', 'en', error),
    ...compareMaps(en, da, 'en', 'da', error),
  ];
  if (diagnostics.length > 0) return { diagnostics, danish: da.toJS(document) as Record<string, unknown> };
  const danish = da.toJS(document) as Record<string, unknown>;
  return { sets: { da: danish as unknown as Labels, en: en.toJS(document) as Labels }, danish, diagnostics };
}

// --- internal ---

type ErrorAt = (node: Node | undefined, message: string, hint?: string) => Diagnostic;

function keyName(item: { key: unknown }): string {
  return isScalar(item.key) ? String(item.key.value) : String(item.key);
}

/** Every key of `shape` is in `map` (a text where a text is expected, a group where a group is); a missing one is reported at `owner`, the map's own key. */
function compareShape(
  map: YAMLMap,
  owner: Node | undefined,
  shape: LabelShape,
  path: string,
  against: string,
  error: ErrorAt,
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (typeof shape === 'string') return problems;
  for (const [key, expected] of Object.entries(shape)) {
    const value = map.get(key, true) as Node | undefined;
    const name = `${path}.${key}`;
    if (value === undefined) {
      problems.push(error(owner ?? map, `the label \`${name}\` is missing`, `${against} prints it; add \`${key}:\` here`));
    } else if (typeof expected === 'string') {
      if (!isScalar(value) || typeof value.value !== 'string')
        problems.push(error(value, `the label \`${name}\` must be a text`, 'put it in quotes if it contains a colon'));
    } else if (!isMap(value)) {
      problems.push(error(value, `the label \`${name}\` must be a group of labels (${Object.keys(expected).join(', ')})`));
    } else
      problems.push(
        ...compareShape(value, map.items.find((item) => keyName(item) === key)?.key as Node | undefined, expected, name, against, error),
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
      const guess = closest(key, other.items.map(keyName));
      problems.push(
        error(
          isNode(item.key) ? item.key : map,
          `the label \`${path}.${key}\` has no \`${otherPath}.${key}\``,
          guess ? `did you mean \`${guess}\`? Every label needs both languages` : `add it under \`${otherPath}:\`, or remove it here`,
        ),
      );
    } else if (isMap(item.value) && isMap(counterpart))
      problems.push(...compareMaps(item.value, counterpart, `${path}.${key}`, `${otherPath}.${key}`, error));
  }
  return problems;
}
