import { checkAll, prepareLayouts, type TopicBuild } from '../core/build/build.js';
import type { BuildCache } from '../core/build/build-cache.js';
import { createBuildMemo } from '../core/build/build-memo.js';
import { DialogkitError, ExitCode, hasErrors, sortDiagnostics } from '../core/diagnostics.js';
import { formatDiagnostic, formatText, type Lang } from '../core/messages/index.js';
import type { Diagnostic } from '../core/model.js';
import type { BuildOptions } from '../core/settings/options.js';
import { environmentError, isSystemError } from './environment-error.js';
import { runningTool } from './code-hash.js';
import { durationProblems } from '../core/view/schedule.js';
import { checkAdaptations } from '../core/adapt/check-adaptations.js';
import { readAdaptations } from '../core/adapt/tailor.js';
import { pageTemplateProblems } from '../core/publish/page-template.js';
import { loadFonts, loadLayouts, loadPageTemplate, loadTopics, TEMPLATES_DIR } from './load.js';
import { checkOutputFolder, lockOutputFolder, LockHeldError } from './output-folder.js';
import type { FontSet, Typesetter } from '../core/pdf/typeset.js';
import { buildInParallel } from './parallel.js';
import { startPublication } from './publish.js';
import { watchFolders } from './watch.js';

/**
 * The commands `dialogkit` runs once its arguments are read (cli.ts): `check`, `build`, `watch`,
 * and the build `preview` repeats; the lines they print and the exit code they return.
 */

/** Where the CLI prints; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** The language of diagnostics (`--lang`, or the locale); English when not given. */
  lang?: Lang;
}

export async function check(
  contentDir: string,
  templatesDir: string | undefined,
  format: string,
  io: Io,
  options: BuildOptions,
  strict: boolean,
): Promise<number> {
  const [loaded, templates, page, fonts] = await Promise.all([
    loadTopics(contentDir),
    loadLayouts(templatesDir),
    loadPageTemplate(templatesDir),
    loadFonts(),
  ]);
  const layoutSet = prepareLayouts({ ...templates, fonts });
  const checked = checkAll(loaded.sources);
  const adapted = layoutSet.labels ? checkAdaptations(options, checked.topics, layoutSet.labels) : [];
  const diagnostics = sortDiagnostics([
    ...loaded.diagnostics,
    ...layoutSet.diagnostics,
    ...pageTemplateProblems(page),
    ...checked.diagnostics,
    ...adapted,
  ]);
  if (format === 'json')
    io.out(JSON.stringify({ files: loaded.sources.length, diagnostics: diagnostics.map((d) => inLanguage(d, io.lang)) }, null, 2));
  else {
    for (const d of diagnostics) io.err(formatDiagnostic(d, io.lang));
    io.err(summaryLine(`Checked ${plural(loaded.sources.length, 'topic')}`, diagnostics, strict));
  }
  if (loaded.sources.length === 0) io.err(`dialogkit: warning: no topic files (*.md) in ${contentDir}`);
  return failsBuild(diagnostics, strict) ? ExitCode.contentError : ExitCode.ok;
}

/** A diagnostic as `--format json` writes it: its code, its text in `lang`, and the parameters the text is made from. */
function inLanguage(d: Diagnostic, lang: Lang = 'en'): Record<string, unknown> {
  const { message, hint } = formatText(d, lang);
  return {
    file: d.file,
    line: d.line,
    col: d.col,
    severity: d.severity,
    code: d.code,
    message,
    ...(hint !== undefined && { hint }),
    params: d.params,
  };
}

interface BuildFlags {
  quiet: boolean;
  force: boolean;
  jobs: number;
  /** `--templates DIR`: layouts and labels from there, file by file over the built-in ones. */
  templates: string | undefined;
  /** `--strict`: a warning fails the build (exit 1) as an error does. */
  strict?: boolean;
  /** What is kept between builds: `watch`'s memo, or the topics the --duration check parsed. */
  cache?: BuildCache;
  /** `preview`: told each topic and the build's diagnostics as soon as they are built. */
  observe?: (outcome: { topics: readonly TopicBuild[]; diagnostics: readonly Diagnostic[] }) => void;
  /** `preview`: the typesetter to render with (one that records where each line's text went). */
  typesetter?: (fonts: FontSet) => Typesetter;
}

/** Checks and locks the output folder, builds, publishes, and prints one line per topic and a summary. */
export async function buildCommand(
  contentDir: string,
  outDir: string,
  only: string[],
  options: BuildOptions,
  flags: BuildFlags,
  version: string,
  io: Io,
): Promise<number> {
  const started = performance.now();
  const guarded = { content: contentDir, templates: flags.templates ?? TEMPLATES_DIR };
  await checkOutputFolder(outDir, guarded);
  const unlock = await lockOutputFolder(outDir);
  try {
    // Read again under the lock: a build that ran meanwhile may have written a newer manifest.
    const { previous } = await checkOutputFolder(outDir, guarded);
    const [loaded, templates, page, fonts] = await Promise.all([
      loadTopics(contentDir),
      loadLayouts(flags.templates),
      loadPageTemplate(flags.templates),
      loadFonts(),
    ]);
    for (const d of loaded.diagnostics) io.err(formatDiagnostic(d, io.lang));
    if (loaded.sources.length === 0) io.err(`dialogkit: warning: no topic files (*.md) in ${contentDir}`);
    const publication = await startPublication({
      outDir,
      contentDir,
      previous,
      force: flags.force,
      generator: `dialogkit ${version}`,
      onRefused: (slug, message) => io.err(`dialogkit: error: topic "${slug}" not written: ${message}`),
    });
    const onTopic = (topic: TopicBuild) => {
      publication.add(topic);
      for (const d of topic.diagnostics) io.err(formatDiagnostic(d, io.lang));
      if (!flags.quiet) io.err(topicLine(topic));
    };
    const input = {
      topics: loaded.sources,
      ...templates,
      fonts,
      options,
      only,
      // The code as well as the version: a change to either makes every file again.
      version: await runningTool(version),
      previous: publication.previousFingerprints,
      previousReports: publication.previousReports,
      ...(flags.cache && { cache: flags.cache }),
      ...(flags.typesetter && { typesetter: flags.typesetter(fonts) }),
    };
    const result = await buildInParallel(input, flags.jobs, onTopic);
    for (const d of result.diagnostics) io.err(formatDiagnostic(d, io.lang));
    flags.observe?.({ topics: result.topics, diagnostics: [...loaded.diagnostics, ...result.diagnostics] });

    const {
      removed,
      refused,
      diagnostics: pageProblems,
    } = await publication.finish(result, {
      template: page,
      sources: loaded.sources,
      ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }),
    });
    for (const d of pageProblems) io.err(formatDiagnostic(d, io.lang));
    for (const slug of removed) io.err(`- ${slug.padEnd(28)} removed (its topic file is gone)`);
    const unknown = only.filter((slug) => !result.topics.some((t) => t.slug === slug));
    if (unknown.length > 0) return usage(io, `no topic with the slug ${unknown.map((s) => `"${s}"`).join(', ')} in ${contentDir}`);

    const all: Diagnostic[] = [
      ...loaded.diagnostics,
      ...result.diagnostics,
      ...result.topics.flatMap((t) => t.diagnostics),
      ...pageProblems,
    ];
    const strict = flags.strict ?? false;
    io.err(buildSummary(result.topics, removed, outDir, performance.now() - started, all, strict));
    if (refused.length > 0) return ExitCode.usageError;
    return failsBuild(all, strict) ? ExitCode.contentError : ExitCode.ok;
  } finally {
    await unlock();
  }
}

function buildSummary(
  topics: readonly TopicBuild[],
  removed: readonly string[],
  outDir: string,
  milliseconds: number,
  diagnostics: readonly Diagnostic[],
  strict: boolean,
): string {
  const good = topics.filter((t) => t.ok);
  const files = good.reduce((n, t) => n + t.files.length, 0);
  const unchanged = good.reduce((n, t) => n + t.unchanged.length, 0);
  const gone = removed.length > 0 ? `, removed ${plural(removed.length, 'gone topic')}` : '';
  return summaryLine(
    `Built ${good.length} of ${plural(topics.length, 'topic')}, ${plural(files, 'file')}${unchanged > 0 ? ` (${unchanged} unchanged)` : ''}${gone} into ${outDir}/ in ${(milliseconds / 1000).toFixed(2)} s`,
    diagnostics,
    strict,
  );
}

function topicLine(topic: TopicBuild): string {
  const status = !topic.ok
    ? 'not built (see errors above)'
    : topic.files.length === 0 && topic.unchanged.length > 0
      ? 'unchanged'
      : `${plural(topic.files.length, 'file')}${topic.unchanged.length > 0 ? `, ${topic.unchanged.length} unchanged` : ''}`;
  const line = `${topic.ok ? '✓' : '✗'} ${topic.slug.padEnd(28)} ${status.padEnd(30)} ${Math.round(topic.milliseconds)} ms`;
  return [line, ...topic.notes.map((note) => `  note: ${note}`)].join('\n');
}

/**
 * Builds once, then again after every save in the content or templates folder, until stopped
 * (Ctrl-C). A failed rebuild (a full disk, a bug) is printed and watching goes on.
 */
export async function watchCommand(
  contentDir: string,
  outDir: string,
  only: string[],
  options: BuildOptions,
  templates: string | undefined,
  version: string,
  io: Io,
  memo: BuildCache = createBuildMemo(),
): Promise<number> {
  // Parsed layouts and topics are kept from build to build (`memo`): a save parses and checks only what it changed.
  const first = await reported(io, () =>
    buildCommand(contentDir, outDir, only, options, { quiet: false, force: false, jobs: 1, templates, cache: memo }, version, io),
  );
  if (first === ExitCode.usageError) return first;
  const stop = watchFolders(
    [contentDir, (templates ?? TEMPLATES_DIR).replace(/\/$/, '')],
    async (files) => {
      const started = performance.now();
      // A folder made again counts as a whole (`content/`); a file by its name.
      const names = files.map((f) => (f.endsWith('/') ? f : f.split('/').pop())).join(', ');
      const { code, locked } = await lockAware(io, () =>
        buildCommand(contentDir, outDir, only, options, { quiet: true, force: false, jobs: 1, templates, cache: memo }, version, io),
      );
      if (locked) return 'retry';
      io.err(`${code === ExitCode.ok ? '✓' : '✗'} rebuilt after ${names} in ${Math.round(performance.now() - started)} ms`);
      return undefined;
    },
    (folder, error) => io.err(`dialogkit: warning: stopped watching ${folder}: ${error.message}`),
  );
  // Said only once the folders are watched: a save made as soon as this line shows is seen.
  io.err(`Watching ${contentDir}/ and ${templates ?? 'templates'}/ for changes. Press Ctrl-C to stop.`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  stop();
  return ExitCode.ok;
}

/**
 * A `--duration` a topic cannot meet is wrong usage, said before anything is built: one line per
 * topic. An adapted topic's steps are the adaptation's: the build reports its problem at its line.
 * What it parses stays in `cache`, for the build.
 */
export async function unmetDuration(
  contentDir: string,
  only: readonly string[],
  options: BuildOptions,
  cache: BuildCache,
  lang: Lang = 'en',
): Promise<string[]> {
  const { topics } = checkAll((await loadTopics(contentDir)).sources, cache);
  const duration = options.duration!;
  const adapted = readAdaptations(options.adapt).bySlug;
  return topics
    .filter((topic) => (only.length === 0 || only.includes(topic.meta.slug)) && !adapted.has(topic.meta.slug))
    .flatMap((topic) => {
      const found = durationProblems(topic, duration);
      if (found?.severity !== 'error') return [];
      const text = formatText(found.problem, lang);
      return [`${topic.file}: ${text.message}; ${text.hint}`];
    });
}

/**
 * Runs one build for `watch` and `preview` (see `reported`), and says whether another build held
 * the output folder's lock: that build is tried again shortly with the same saves, and said once.
 */
export async function lockAware(io: Io, action: () => Promise<number>): Promise<{ code: number; locked: boolean }> {
  let locked = false;
  const code = await reported(io, async () => {
    try {
      return await action();
    } catch (error) {
      if (!(error instanceof LockHeldError)) throw error;
      locked = true;
      if (!waitingForLock) io.err(`dialogkit: note: ${error.message}; trying again when it is done`);
      return ExitCode.environmentError;
    }
  });
  waitingForLock = locked;
  return { code, locked };
}

/** Whether the last build found the lock held: the note is said once per wait. */
let waitingForLock = false;

/** Runs one build for `watch`: any failure is printed as `main` would print it, and becomes its exit code. */
async function reported(io: Io, action: () => Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (error) {
    const known = asKnownError(error);
    if (known) {
      io.err(`dialogkit: error: ${known.message}`);
      return known.exitCode;
    }
    const stack = error instanceof Error && /\bdialogkit\b/.test(io.env['DEBUG'] ?? '') ? `\n${error.stack}` : '';
    io.err(
      `dialogkit: internal error: ${error instanceof Error ? error.message : String(error)}; watching goes on (this is a bug in Dialogkit: please report it)${stack}`,
    );
    return ExitCode.internalError;
  }
}

/** A `DialogkitError`, or a failed system call turned into one; `undefined` for a bug. */
export function asKnownError(error: unknown): DialogkitError | undefined {
  if (error instanceof DialogkitError) return error;
  if (isSystemError(error)) return environmentError(error, 'use', error.path);
  return undefined;
}

export function usage(io: Io, message: string): number {
  io.err(`dialogkit: ${message}\nRun \`dialogkit --help\` for the options.`);
  return ExitCode.usageError;
}

function summaryLine(head: string, diagnostics: readonly Diagnostic[], strict = false): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  // Said in the summary so a pipeline's log shows why a run with no errors failed.
  const refusedNote = strict && warnings > 0 ? ` (${warnings === 1 ? 'it is' : `all ${warnings} are`} refused under --strict)` : '';
  return `${head}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${refusedNote}.`;
}

/** Whether the run fails: an error always; under `--strict`, a warning too. */
function failsBuild(diagnostics: readonly Diagnostic[], strict: boolean): boolean {
  return hasErrors(diagnostics) || (strict && diagnostics.length > 0);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
