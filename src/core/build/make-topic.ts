import type { BuildCache, CheckedSource } from './build-cache.js';
import { missingGlyphDiagnostics } from '../check/glyphs.js';
import { hasErrors, sortDiagnostics } from '../diagnostics.js';
import { digest, fingerprint, type FingerprintBase } from './fingerprint.js';
import { TemplateError, type Layout } from '../layouts/layout.js';
import type { Diagnostic, Language, OutputFile, ProductReport, Topic } from '../model.js';
import { NO_LAYOUT, PRODUCTS, type Product } from '../products/index.js';
import { summarise, type TopicSummary } from '../publish/summary.js';
import type { BuildOptions } from '../settings/options.js';
import type { FontSet, Typesetter } from '../pdf/typeset.js';
import { durationDiagnostics } from '../check/duration.js';
import { shortestSession } from '../view/schedule.js';
import { tailorTopic, type Adaptations } from '../adapt/tailor.js';
import { makeViewModel, type Labels, type ViewModel } from '../view/view-model.js';

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
  /** Characters the fonts lack in the files made or kept (each also a warning in `diagnostics`). */
  missingGlyphs: string[];
  /** Set when `--duration` is shorter than the topic can be: the shortest session it allows, in minutes. */
  shortestSession?: number;
}

/** What every topic of a build shares. */
export interface TopicContext {
  options: BuildOptions;
  labels: Record<Language, Labels> | undefined;
  /** Every layout, checked; `undefined` when one is missing or has errors (then nothing is made). */
  layouts: Map<string, Layout> | undefined;
  typesetter: Typesetter;
  /** The fonts as bytes: the screen edition embeds the print font. */
  fonts: FontSet;
  base: FingerprintBase;
  cache: BuildCache;
  adaptations: Adaptations;
  /** Make only these products, by name (all when absent). */
  products: readonly string[] | undefined;
  previous: Readonly<Record<string, string>> | undefined;
  previousReports: Readonly<Record<string, ProductReport>> | undefined;
}

/** A topic as it is printed: its adaptation applied, with the options that then hold. */
export interface Tailored {
  topic: Topic;
  options: BuildOptions;
}

/**
 * A topic file's result before anything is made (its result as it stands when it has errors),
 * and the topic tailored for its products when they may be made.
 */
export function topicResult(
  ctx: TopicContext,
  path: string,
  checked: CheckedSource | undefined,
  diagnostics: readonly Diagnostic[],
): { result: TopicBuild; tailored?: Tailored } {
  const parsed = checked?.topic;
  const lines = () => (checked?.text ?? '').split(/\r?\n/);
  const labels = parsed && ctx.labels?.[parsed.meta.language];
  // The topic as the kit prints it: its adaptation applied, `{varighed}` filled in.
  const tailored = parsed && labels ? tailorTopic(parsed, ctx.options, ctx.adaptations, labels, lines()) : undefined;
  const topic = tailored?.topic ?? parsed;
  const blocked = parsed && (ctx.adaptations.blocked === 'all' || ctx.adaptations.blocked.has(parsed.meta.slug));
  const shortest = topic && ctx.options.duration !== undefined ? shortestSession(topic) : undefined;
  const result: TopicBuild = {
    slug: topic?.meta.slug ?? path,
    source: path,
    title: topic?.meta.title ?? path,
    files: [],
    unchanged: [],
    fingerprints: {},
    reports: {},
    notes: [],
    diagnostics: sortDiagnostics([
      ...diagnostics,
      ...(tailored?.diagnostics ?? (parsed ? durationDiagnostics(parsed, ctx.options.duration, lines()) : [])),
    ]),
    ok: false,
    milliseconds: 0,
    missingGlyphs: [],
    ...(shortest !== undefined && ctx.options.duration! < shortest && { shortestSession: shortest }),
    ...(parsed && { summary: summarise(parsed), date: pinnedDate(ctx.options, parsed).toISOString() }),
  };
  return { result, ...(tailored && !blocked && { tailored: { topic: tailored.topic, options: tailored.options } }) };
}

/**
 * Makes a topic's products into `result`: each product whose file is current (its fingerprint
 * unchanged, or, with a cache, none of what it read changed) is kept with what making it reported;
 * the others are made. A product's error leaves the topic without files.
 */
export async function makeTopic(
  ctx: TopicContext,
  source: { bytes: Uint8Array },
  checked: CheckedSource,
  tailored: Tailored,
  result: TopicBuild,
): Promise<void> {
  const { topic } = tailored;
  const { cache } = ctx;
  const topicHash = await digest(source.bytes);
  const view = makeViewModel(topic, tailored.options, ctx.labels![topic.meta.language]);
  const creationDate = pinnedDate(ctx.options, topic);
  const plan: PlannedProduct[] = [];
  for (const product of PRODUCTS) {
    if (ctx.products && !ctx.products.includes(product.name)) continue;
    // The Word copies unless left out (the page's kit, unless the facilitator asks for them).
    if (product.kind === 'docx' && ctx.options.word === false) continue;
    const layoutNames = [product.name, ...(product.reads ?? [])];
    const print = await fingerprint(ctx.base, layoutNames, source.bytes, topicHash);
    result.fingerprints[product.name] = print;
    const key = `${result.slug}/${product.name}`;
    const context = cache.recordsReads ? await fingerprint(ctx.base, layoutNames, new Uint8Array(0), '') : '';
    const previous = ctx.previous?.[key];
    if (previous === print) {
      result.unchanged.push(`${result.slug}/${product.file}`);
      // What making it reported: this process's own record when it made the file from these
      // very inputs, else the previous build's.
      plan.push({ product, kept: cache.reportOf(key, print) ?? ctx.previousReports?.[key] ?? NO_REPORT });
    } else {
      const kept = await cache.keptByReads(key, { previous, print, context, view, topic, creationDate });
      if (kept) result.unchanged.push(`${result.slug}/${product.file}`);
      plan.push(kept ? { product, kept } : { product, print, context });
    }
  }
  const made = await makeProducts(ctx, topic, checked.text, plan, view, creationDate);
  result.files = made.files;
  result.reports = made.reports;
  result.notes = made.notes;
  result.missingGlyphs = made.missingGlyphs;
  result.diagnostics = sortDiagnostics([...result.diagnostics, ...made.diagnostics]);
  result.ok = !hasErrors(made.diagnostics);
  if (!result.ok) {
    result.files = [];
    result.unchanged = [];
  }
}

/** SOURCE_DATE_EPOCH wins; else the topic's date; else a fixed date, so bytes never depend on the clock. */
export function pinnedDate(options: BuildOptions, topic: Topic): Date {
  if (options.sourceDateEpoch !== undefined) return new Date(options.sourceDateEpoch * 1000);
  if (topic.meta.date) return new Date(`${topic.meta.date}T12:00:00Z`);
  return new Date('2000-01-01T00:00:00Z');
}

// --- internal ---

/** One product of a topic, in `PRODUCTS` order: to make under `print`, or kept (its file is current) with what making it reported. */
type PlannedProduct = { product: Product; print: string; context: string } | { product: Product; kept: ProductReport };

const NO_REPORT: ProductReport = { warnings: [], missingGlyphs: [] };

/** Makes the planned products that are not kept; reports for the kept ones what making them reported. */
async function makeProducts(
  ctx: TopicContext,
  topic: Topic,
  text: string,
  products: readonly PlannedProduct[],
  view: ViewModel,
  creationDate: Date,
) {
  const layouts = ctx.layouts!;
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
      const seen = ctx.cache.watchReads(view, topic);
      const layout = layouts.get(product.name) ?? NO_LAYOUT;
      const made = await product.make({
        topic: seen.topic,
        view: seen.view,
        layout,
        layouts,
        typesetter: ctx.typesetter,
        fonts: ctx.fonts,
        creationDate,
      });
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
      await seen.made(`${view.topic.slug}/${product.name}`, { print, context, creationDate }, report);
    } catch (error) {
      if (error instanceof TemplateError) diagnostics.push(error.diagnostic);
      else throw error;
    }
  }
  // Worded from the text as it is now: a save may have moved a character's first use.
  // A character typed into an option (`--organisation`, `--note`) is blamed on the option, not the topic.
  const typed = { '--organisation': view.options.organisation ?? undefined, '--note': view.options.note ?? undefined };
  if (missingGlyphs.size > 0) diagnostics.push(...missingGlyphDiagnostics(topic.file, text, missingGlyphs, typed));
  return { files, reports, notes, diagnostics, missingGlyphs: [...missingGlyphs.keys()] };
}
