import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { checkAll, type TopicBuild } from './core/build.js';
import { DialogkitError, ExitCode, formatDiagnostic, hasErrors } from './core/diagnostics.js';
import { manifestFiles, mergeManifest, type Manifest, type ManifestFile } from './core/manifest.js';
import type { Diagnostic, PaperSize } from './core/model.js';
import { validateOptions, type BuildOptions } from './core/options.js';
import { PRODUCTS } from './core/products/index.js';
import { helpText } from './help.js';
import { loadFonts, loadLayouts, loadTopics, TEMPLATES_DIR } from './load.js';
import { buildInParallel } from './parallel.js';
import { watchFolders } from './watch.js';
import { writeArchives, writeSite } from './publish.js';
import { removeLeftovers, removeStale, writeOutputs } from './write.js';

/** Where the CLI prints; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
};

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code; never calls process.exit. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof DialogkitError) {
      io.err(`dialogkit: error: ${error.message}`);
      return error.exitCode;
    }
    throw error; // a real bug: keep its stack
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string', default: 'out' },
        topic: { type: 'string', multiple: true },
        start: { type: 'string' },
        organisation: { type: 'string' },
        date: { type: 'string' },
        participants: { type: 'string' },
        'flipover-size': { type: 'string' },
        tile: { type: 'string' },
        note: { type: 'string' },
        'base-url': { type: 'string' },
        format: { type: 'string', default: 'text' },
        quiet: { type: 'boolean', short: 'q', default: false },
        force: { type: 'boolean', default: false },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return usage(io, (error as Error).message.replace(/\. To specify a positional.*$/, '.'));
  }
  const { values, positionals } = parsed;
  const version = await ownVersion();
  if (values.help) {
    io.out(helpText(version));
    return ExitCode.ok;
  }
  if (values.version) {
    io.out(version);
    return ExitCode.ok;
  }
  const [command, ...extra] = positionals;
  if (command === undefined) return usage(io, 'say what to do: `dialogkit build`, `dialogkit check` or `dialogkit watch`');
  if (extra.length > 0) return usage(io, `unexpected argument "${extra[0]}"`);
  if (values.format !== 'text' && values.format !== 'json') return usage(io, `--format must be text or json, not "${values.format}"`);

  const epoch = io.env['SOURCE_DATE_EPOCH'];
  const options: BuildOptions = Object.freeze({
    ...(values.start !== undefined && { start: values.start }),
    ...(values.organisation !== undefined && { organisation: values.organisation }),
    ...(values.date !== undefined && { date: values.date }),
    ...(values.participants !== undefined && { participants: Number(values.participants) }),
    ...(values['flipover-size'] !== undefined && { flipoverSize: values['flipover-size'].toUpperCase() as PaperSize }),
    ...(values.tile !== undefined && { tile: values.tile.toUpperCase() as 'A4' }),
    ...(values.note !== undefined && { note: values.note }),
    ...(values['base-url'] !== undefined && { baseUrl: values['base-url'] }),
    ...(epoch !== undefined && epoch !== '' && { sourceDateEpoch: Number(epoch) }),
  });
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) return usage(io, `--jobs must be a whole number from 1 to 64, not "${values.jobs}"`);
  const problems = validateOptions(options);
  if (problems.length > 0) return usage(io, problems.join('\n'));

  switch (command) {
    case 'check':
      return check(values.content, values.format, io);
    case 'watch':
      return watchCommand(values.content, values.out, values.topic ?? [], options, version, io);
    case 'build':
      return buildCommand(values.content, values.out, values.topic ?? [], options, { quiet: values.quiet, force: values.force, jobs }, version, io);
    default:
      return usage(io, `unknown command "${command}"; use \`build\` or \`check\``);
  }
}

async function check(contentDir: string, format: string, io: Io): Promise<number> {
  const sources = await loadTopics(contentDir);
  const { diagnostics } = checkAll(sources);
  if (format === 'json') io.out(JSON.stringify({ files: sources.length, diagnostics }, null, 2));
  else {
    for (const d of diagnostics) io.err(formatDiagnostic(d));
    io.err(summaryLine(`Checked ${plural(sources.length, 'topic')}`, diagnostics));
  }
  if (sources.length === 0) io.err(`dialogkit: warning: no topic files (*.md) in ${contentDir}`);
  return hasErrors(diagnostics) ? ExitCode.contentError : ExitCode.ok;
}

async function buildCommand(contentDir: string, outDir: string, only: string[], options: BuildOptions, flags: { quiet: boolean; force: boolean; jobs: number }, version: string, io: Io): Promise<number> {
  const { quiet } = flags;
  const started = performance.now();
  const [sources, templates, fonts, previous] = await Promise.all([loadTopics(contentDir), loadLayouts(), loadFonts(), readManifest(outDir), removeLeftovers(outDir)]);
  const previousFiles = new Map((previous?.topics ?? []).flatMap((t) => t.files.map((f) => [f.path, f] as const)));
  // A file is kept only while its recorded inputs match and it is still there, whole.
  const previousFingerprints: Record<string, string> = {};
  if (!flags.force) {
    for (const topic of previous?.topics ?? []) {
      for (const product of PRODUCTS) {
        const entry = previousFiles.get(`${topic.slug}/${product.file}`);
        if (entry?.inputs !== undefined && fileSize(join(outDir, entry.path)) === entry.bytes) previousFingerprints[`${topic.slug}/${product.name}`] = entry.inputs;
      }
    }
  }
  if (sources.length === 0) io.err(`dialogkit: warning: no topic files (*.md) in ${contentDir}`);

  // Each topic's files are written as soon as it is built, so a long build's progress is never lost.
  const writes: Promise<void>[] = [];
  const productOrder = PRODUCTS.map((p) => p.file);
  // Manifest entries are made as each topic is written; then its bytes are let go, so a
  // 600-topic build holds one topic's PDFs at a time, not all of them.
  const entries = new Map<string, ManifestFile[]>();
  const writeTopic = async (topic: TopicBuild) => {
    await writeOutputs(outDir, topic.files);
    const made = new Set([...topic.files.map((f) => f.path), ...topic.unchanged]);
    await removeStale(outDir, PRODUCTS.map((p) => `${topic.slug}/${p.file}`).filter((p) => !made.has(p)));
    const inputs = (path: string) => topic.fingerprints[PRODUCTS.find((p) => path.endsWith(`/${p.file}`))?.name ?? ''];
    const kept = topic.unchanged.map((path) => previousFiles.get(path)!).filter(Boolean);
    entries.set(topic.slug, await manifestFiles(topic.files, inputs, kept, productOrder));
    topic.files = topic.files.map((f) => ({ ...f, bytes: new Uint8Array(0) }));
  };
  let writing = Promise.resolve();
  const onTopic = (topic: TopicBuild) => {
    if (topic.ok) writes.push((writing = writing.then(() => writeTopic(topic))));
    for (const d of topic.diagnostics) io.err(formatDiagnostic(d));
    if (quiet) return;
    const status = !topic.ok ? 'not built (see errors above)' : topic.files.length === 0 && topic.unchanged.length > 0 ? 'unchanged' : `${plural(topic.files.length, 'file')}${topic.unchanged.length > 0 ? `, ${topic.unchanged.length} unchanged` : ''}`;
    io.err(`${topic.ok ? '✓' : '✗'} ${topic.slug.padEnd(28)} ${status.padEnd(30)} ${Math.round(topic.milliseconds)} ms`);
    for (const note of topic.notes) io.err(`  note: ${note}`);
  };
  const result = await buildInParallel({ topics: sources, ...templates, fonts, options, only, version, previous: previousFingerprints }, flags.jobs, onTopic);
  for (const d of result.diagnostics) io.err(formatDiagnostic(d));

  if (only.length > 0) {
    const unknown = only.filter((slug) => !result.topics.some((t) => t.slug === slug));
    if (unknown.length > 0) return usage(io, `no topic with the slug ${unknown.map((s) => `"${s}"`).join(', ')} in ${contentDir}`);
  }

  await Promise.all(writes);
  const good = result.topics.filter((t) => t.ok);
  const builtEntries = good.map((t) => {
    const archive = previous?.topics.find((p) => p.slug === t.slug)?.archive;
    return { slug: t.slug, title: t.title, source: t.source, files: entries.get(t.slug) ?? [], ...(t.summary && { summary: t.summary }), ...(archive && { archive }) };
  });
  const slugsNow = new Set(result.topics.map((t) => t.slug));
  const manifest = mergeManifest(previous, builtEntries, (slug) => slugsNow.has(slug) || only.length > 0, `dialogkit ${version}`);
  await writeArchives(outDir, result.topics, manifest);
  await writeSite(outDir, manifest, sources, result.topics, options.baseUrl);
  await writeOutputs(outDir, [{ path: 'manifest.json', bytes: new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n') }]);

  const all: Diagnostic[] = [...result.diagnostics, ...result.topics.flatMap((t) => t.diagnostics)];
  const files = good.reduce((n, t) => n + t.files.length, 0);
  const unchanged = good.reduce((n, t) => n + t.unchanged.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  io.err(summaryLine(`Built ${good.length} of ${plural(result.topics.length, 'topic')}, ${plural(files, 'file')}${unchanged > 0 ? ` (${unchanged} unchanged)` : ''} into ${outDir}/ in ${seconds} s`, all));
  return hasErrors(all) ? ExitCode.contentError : ExitCode.ok;
}

/** Builds once, then again after every save in the content or templates folder, until stopped (Ctrl-C). */
async function watchCommand(contentDir: string, outDir: string, only: string[], options: BuildOptions, version: string, io: Io): Promise<number> {
  await buildCommand(contentDir, outDir, only, options, { quiet: false, force: false, jobs: 1 }, version, io);
  io.err(`Watching ${contentDir}/ and templates/ for changes. Press Ctrl-C to stop.`);
  const stop = watchFolders([contentDir, TEMPLATES_DIR.replace(/\/$/, '')], async (files) => {
    const started = performance.now();
    const names = files.map((f) => f.split('/').pop()).join(', ');
    const code = await buildCommand(contentDir, outDir, only, options, { quiet: true, force: false, jobs: 1 }, version, io);
    io.err(`${code === ExitCode.ok ? '✓' : '✗'} rebuilt after ${names} in ${Math.round(performance.now() - started)} ms`);
  });
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  stop();
  return ExitCode.ok;
}

async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

function usage(io: Io, message: string): number {
  io.err(`dialogkit: ${message}\nRun \`dialogkit --help\` for the options.`);
  return ExitCode.usageError;
}

function summaryLine(head: string, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${head}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function ownVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
