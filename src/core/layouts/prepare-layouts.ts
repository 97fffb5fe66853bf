import { diagnostic } from '../messages/index.js';
import { splitFrontMatter } from '../parse/front-matter.js';
import { compileLayout, TemplateError, type Layout, type LayoutSet, type LayoutSources } from './layout.js';
import type { Diagnostic } from '../model.js';
import { prepareLabels } from './prepare-labels.js';
import { readLayoutSettings } from '../settings/layout-settings.js';
import type { SettingsTable } from '../settings/settings-table.js';
import { closest } from '../suggest.js';
import { VIEW_FIELDS } from '../view/view-model.js';

export type { LayoutSet, LayoutSources } from './layout.js';
export { prepareLabels, type PreparedLabels } from './prepare-labels.js';

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
      diagnostics.push(diagnostic('DK0501', { file: product.file }, `templates/${product.name}.hbs`, 1));
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
            'DK0502',
            { name, guess: guess ? [root, ...rest.slice(0, index), guess].join('.') : '', known: keys },
            layout.path,
            ref.line,
            ref.col,
          ),
        );
        break;
      }
      here = (here as Record<string, unknown>)[key];
      if (root === 'labels' && index === rest.length - 1 && here !== null && typeof here === 'object') {
        const name = ref.path.join('.');
        problems.push(diagnostic('DK0503', { name, first: Object.keys(here)[0] ?? '' }, layout.path, ref.line, ref.col));
      }
    }
  }
  return problems;
}
