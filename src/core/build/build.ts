import {
  checkedSource,
  createBuildMemo,
  forgetOtherSources,
  memoBase,
  memoLayoutSet,
  type BuildMemo,
  type CheckedSource,
  type ProductReads,
} from './build-memo.js';
import { checkSlugs, checkTopic } from '../check/check.js';
import { checkLeaks, checkMediaWords } from '../check/consistency.js';
import { checkSessionWords } from '../check/session-words.js';
import { summarise, type TopicSummary } from '../publish/summary.js';
import { hasErrors, sortDiagnostics } from '../diagnostics.js';
import { missingGlyphDiagnostics } from '../check/glyphs.js';
import { checkLayoutSet, type LayoutSet } from '../layouts/prepare-layouts.js';
import { TemplateError, type Layout, type LayoutSource } from '../layouts/layout.js';
import type { Diagnostic, Language, OutputFile, ProductReport, SourceFile, Topic } from '../model.js';
import type { BuildOptions } from '../settings/options.js';
import { parseTopic } from '../parse/parse-topic.js';
import { durationDiagnostics } from '../view/schedule.js';
import { readAdaptations, tailorTopic, unknownTopics } from '../adapt/tailor.js';
import { LAYOUT_PRODUCTS, NO_LAYOUT, PRODUCTS, type Product } from '../products/index.js';
import { digest, fingerprint, fingerprintBase } from './fingerprint.js';
import { createTypesetter, type FontSet, type Typesetter } from '../pdf/typeset.js';
import { recordReads, readsDigest } from './product-reads.js';
import { makeViewModel, type Labels, type ViewModel } from '../view/view-model.js';

/** What a build needs, all as data: the core reads no files. */
export interface BuildInput {
  topics: readonly SourceFile[];
  layouts: readonly LayoutSource[];
  /** `templates/labels.yml`. */
  labels: LayoutSource;
  fonts: FontSet;
  options: BuildOptions;
  /** Build only these slugs (all when empty). */
  only?: readonly string[];
  /** Typeset only these source paths (a worker thread's share); all topics are still checked. */
  onlySources?: readonly string[];
  /** Renders documents; default: pdfmake with `fonts`. The benchmark passes a recording one. */
  typesetter?: Typesetter;
  /**
   * For incremental builds: the fingerprint each file had when it was last written, by
   * `slug/product-name` (left out when unknown or the file is gone). A product whose
   * fingerprint is unchanged is not rebuilt. Leave out to build everything. Plain data,
   * so it can be handed to worker threads.
   */
  previous?: Readonly<Record<string, string>>;
  /** What making each file in `previous` reported, by the same keys; a kept file reports it again. */
  previousReports?: Readonly<Record<string, ProductReport>>;
  /** The tool's version, part of every fingerprint. */
  version?: string;
  /** What a long-lived process keeps between builds (`watch`): unchanged inputs are not parsed or checked again. */
  memo?: BuildMemo;
}

export interface TopicBuild {
  slug: string;
  source: string;
  title: string;
  /** Files made; empty when the topic has errors (its earlier output stays as it was). */
  files: OutputFile[];
  /** Paths of files left as they were, because their inputs did not change. */
  unchanged: string[];
  /** Fingerprint of each product's inputs, by product name (for the next incremental build). */
  fingerprints: Record<string, string>;
  /** What making each file reported, by product name, for files made or kept. */
  reports: Record<string, ProductReport>;
  notes: string[];
  diagnostics: Diagnostic[];
  ok: boolean;
  milliseconds: number;
  /** For the download page. */
  summary?: TopicSummary;
  /** The pinned date of the topic's files (ISO), for its zip's timestamps. */
  date?: string;
}

export interface BuildResult {
  topics: TopicBuild[];
  /** Problems not tied to one topic (layouts, labels, duplicate slugs). */
  diagnostics: Diagnostic[];
  /** The labels, read once for the build (absent when labels.yml has errors); the download page uses them too. */
  labels?: Record<Language, Labels>;
}

/** Parses and checks every topic without typesetting; with a `memo`, only topics whose bytes changed. */
export function checkAll(sources: readonly SourceFile[], memo?: BuildMemo): { topics: Topic[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const topics: Topic[] = [];
  const lines = new Map<string, readonly string[]>();
  forgetOtherSources(
    memo,
    sources.map((s) => s.path),
  );
  for (const source of sources) {
    const checked = checkedSource(memo, source, () => checkSource(source));
    diagnostics.push(...checked.diagnostics);
    if (checked.topic) {
      topics.push(checked.topic);
      lines.set(source.path, checked.lines);
    }
  }
  diagnostics.push(...checkSlugs(topics.map((t) => ({ slug: t.meta.slug, file: t.file }))));
  diagnostics.push(...checkLeaks(topics, (file) => lines.get(file) ?? []));
  return { topics, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * Loads layouts and labels; template mistakes come back as diagnostics. Without a memo of its
 * own, a build uses the process's last prepared layouts while their texts and fonts are the
 * same: the browser kit builds one topic per "Hent" from the same embedded layouts.
 */
export function prepareLayouts(input: Pick<BuildInput, 'layouts' | 'labels' | 'fonts' | 'memo'>): LayoutSet {
  return memoLayoutSet(input.memo ?? lastLayouts, input, () =>
    checkLayoutSet({ layouts: input.layouts, labels: input.labels, fonts: Object.keys(input.fonts) }),
  );
}

const lastLayouts = createBuildMemo();

/**
 * Builds every topic into in-memory files. A topic with errors yields no files; the others
 * build all the same. `onTopic` is told about each topic as it finishes (for progress lines).
 */
export async function build(input: BuildInput, onTopic?: (topic: TopicBuild) => void): Promise<BuildResult> {
  const prepared = prepareLayouts(input);
  const checked = checkAll(input.topics, input.memo);
  const typesetter = input.typesetter ?? createTypesetter(input.fonts);
  const adaptations = readAdaptations(input.options.adapt);
  const shared = [
    ...prepared.diagnostics,
    ...checked.diagnostics.filter((d) => !input.topics.some((t) => t.path === d.file)),
    ...adaptations.diagnostics,
    ...unknownTopics(
      adaptations,
      checked.topics.map((t) => t.meta.slug),
    ),
  ];
  const results: TopicBuild[] = [];
  const bySource = new Map(checked.topics.map((t) => [t.file, t]));
  const version = input.version ?? '';
  const base = await memoBase(input.memo, { ...input, version }, () =>
    fingerprintBase(version, input.labels, input.layouts, input.fonts, input.options),
  );

  for (const source of input.topics) {
    const started = performance.now();
    const parsed = bySource.get(source.path);
    const lines = () => new TextDecoder().decode(source.bytes).split(/\r?\n/);
    const labels = parsed && prepared.labels?.[parsed.meta.language];
    // The topic as the kit prints it: its adaptation applied, `{varighed}` filled in.
    const tailored = parsed && labels ? tailorTopic(parsed, input.options, adaptations, labels, lines()) : undefined;
    const topic = tailored?.topic ?? parsed;
    const diagnostics = sortDiagnostics([
      ...checked.diagnostics.filter((d) => d.file === source.path),
      ...(tailored?.diagnostics ?? (parsed ? durationDiagnostics(parsed, input.options.duration, lines()) : [])),
    ]);
    const blocked = parsed && (adaptations.blocked === 'all' || adaptations.blocked.has(parsed.meta.slug));
    const slug = topic?.meta.slug ?? source.path;
    if (input.only && input.only.length > 0 && !input.only.includes(slug)) continue;
    if (input.onlySources && !input.onlySources.includes(source.path)) continue;
    const result: TopicBuild = {
      slug,
      source: source.path,
      title: topic?.meta.title ?? source.path,
      files: [],
      unchanged: [],
      fingerprints: {},
      reports: {},
      notes: [],
      diagnostics,
      ok: false,
      milliseconds: 0,
      ...(parsed && { summary: summarise(parsed), date: pinnedDate(input.options, parsed).toISOString() }),
    };
    if (topic && tailored && !blocked && !hasErrors(diagnostics) && prepared.layouts.size === LAYOUT_PRODUCTS.length) {
      const topicHash = await digest(source.bytes);
      const view = makeViewModel(topic, tailored.options, labels!);
      const creationDate = pinnedDate(input.options, topic);
      const plan: PlannedProduct[] = [];
      // The Word copies unless left out (the page's kit, unless the facilitator asks for them).
      for (const product of PRODUCTS.filter((p) => p.kind !== 'docx' || input.options.word !== false)) {
        const layoutNames = [product.name, ...(product.reads ?? [])];
        const print = await fingerprint(base, layoutNames, source.bytes, topicHash);
        result.fingerprints[product.name] = print;
        const key = `${slug}/${product.name}`;
        const context = input.memo ? await fingerprint(base, layoutNames, new Uint8Array(0), '') : '';
        if (input.previous?.[key] === print) {
          result.unchanged.push(`${slug}/${product.file}`);
          // What making it reported: this process's own record when it made the file from these
          // very inputs, else the previous build's.
          const remembered = input.memo?.reads.get(key);
          plan.push({ product, kept: (remembered?.print === print ? remembered.report : input.previousReports?.[key]) ?? NO_REPORT });
        } else {
          const kept = await readsUnchanged(input, key, context, view, topic, creationDate, print);
          if (kept) result.unchanged.push(`${slug}/${product.file}`);
          plan.push(kept ? { product, kept: kept.report } : { product, print, context });
        }
      }
      const made = await buildProducts(
        topic,
        plan,
        prepared.layouts,
        view,
        creationDate,
        { typesetter, fonts: input.fonts },
        source.bytes,
        input.memo,
      );
      result.files = made.files;
      result.reports = made.reports;
      result.notes = made.notes;
      result.diagnostics = sortDiagnostics([...diagnostics, ...made.diagnostics]);
      result.ok = !hasErrors(made.diagnostics);
      if (!result.ok) {
        result.files = [];
        result.unchanged = [];
      }
    }
    result.milliseconds = performance.now() - started;
    results.push(result);
    onTopic?.(result);
  }
  return { topics: results, diagnostics: sortDiagnostics(shared), ...(prepared.labels && { labels: prepared.labels }) };
}

/** One topic file parsed and checked on its own. */
function checkSource(source: SourceFile): CheckedSource {
  const parsed = parseTopic(source);
  if (!parsed.topic) return { lines: [], diagnostics: parsed.diagnostics };
  // The lines as parsed give checks exact columns.
  const lines = parsed.lines ?? [];
  return {
    topic: parsed.topic,
    lines,
    diagnostics: [
      ...parsed.diagnostics,
      ...checkTopic(parsed.topic),
      ...checkMediaWords(parsed.topic, lines),
      ...checkSessionWords(parsed.topic, lines),
    ],
  };
}

/** One product of a topic, in `PRODUCTS` order: to make under `print`, or kept (its file is current) with what making it reported. */
type PlannedProduct = { product: Product; print: string; context: string } | { product: Product; kept: ProductReport };

const NO_REPORT: ProductReport = { warnings: [], missingGlyphs: [] };

/** Makes the planned products that are not kept; reports for the kept ones what making them reported. */
async function buildProducts(
  topic: Topic,
  products: readonly PlannedProduct[],
  layouts: Map<string, Layout>,
  view: ViewModel,
  creationDate: Date,
  { typesetter, fonts }: { typesetter: Typesetter; fonts: FontSet },
  source: Uint8Array,
  memo: BuildMemo | undefined,
) {
  const files: OutputFile[] = [];
  const notes: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const reports: Record<string, ProductReport> = {};
  const missingGlyphs = new Map<string, string[]>();
  const lacking = (product: Product, chars: readonly string[]) => {
    for (const char of chars) missingGlyphs.set(char, [...(missingGlyphs.get(char) ?? []), product.file]);
  };
  for (const planned of products) {
    if ('kept' in planned) {
      reports[planned.product.name] = planned.kept;
      diagnostics.push(...planned.kept.warnings.map((warning) => ({ ...warning, file: topic.file })));
      lacking(planned.product, planned.kept.missingGlyphs);
      continue;
    }
    const { product, print, context } = planned;
    try {
      const seen = memo ? recordReads(view, topic) : { view, topic };
      const layout = layouts.get(product.name) ?? NO_LAYOUT;
      const made = await product.make({ topic: seen.topic, view: seen.view, layout, layouts, typesetter, fonts, creationDate });
      if (made.file) files.push(made.file);
      if (made.note) notes.push(made.note);
      diagnostics.push(...made.diagnostics);
      lacking(product, made.missingGlyphs ?? []);
      // Products report about the topic file only; a file is written only when nothing is an error.
      const report: ProductReport = {
        warnings: made.diagnostics.map(({ file: _topic, ...warning }) => warning),
        missingGlyphs: made.missingGlyphs ?? [],
      };
      if (made.file) reports[product.name] = report;
      if (memo && 'keys' in seen) {
        const keys = seen.keys();
        memo.reads.set(`${view.topic.slug}/${product.name}`, {
          print,
          context,
          keys,
          digest: await readsDigest(view, topic, keys, creationDate),
          report,
        });
      }
    } catch (error) {
      if (error instanceof TemplateError) diagnostics.push(error.diagnostic);
      else throw error;
    }
  }
  // Worded from the text as it is now: a save may have moved a character's first use.
  if (missingGlyphs.size > 0) diagnostics.push(...missingGlyphDiagnostics(topic.file, new TextDecoder().decode(source), missingGlyphs));
  return { files, reports, notes, diagnostics };
}

/**
 * The memo record of the file on disk for `key` when it was made, in this process, from parts
 * of the topic that a save left as they were (and the same layouts and shared inputs): then it
 * is current under the new fingerprint `print` too, and is kept. Otherwise `undefined`.
 */
async function readsUnchanged(
  input: BuildInput,
  key: string,
  context: string,
  view: ViewModel,
  topic: Topic,
  creationDate: Date,
  print: string,
): Promise<ProductReads | undefined> {
  const kept = input.memo?.reads.get(key);
  if (!kept || input.previous?.[key] !== kept.print || kept.context !== context) return undefined;
  if ((await readsDigest(view, topic, kept.keys, creationDate)) !== kept.digest) return undefined;
  kept.print = print;
  return kept;
}

/** SOURCE_DATE_EPOCH wins; else the topic's date; else a fixed date, so bytes never depend on the clock. */
export function pinnedDate(options: BuildOptions, topic: Topic): Date {
  if (options.sourceDateEpoch !== undefined) return new Date(options.sourceDateEpoch * 1000);
  if (topic.meta.date) return new Date(`${topic.meta.date}T12:00:00Z`);
  return new Date('2000-01-01T00:00:00Z');
}
