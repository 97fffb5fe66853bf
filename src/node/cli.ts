import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { createBuildMemo } from '../core/build/build-memo.js';
import { ExitCode } from '../core/diagnostics.js';
import type { AdaptationSource, PaperSize } from '../core/model.js';
import { validateOptions, type BuildOptions } from '../core/settings/options.js';
import { helpText } from './help.js';
import { newTopic } from './new-topic.js';
import { checkTemplatesDir, loadLayouts, TEMPLATES_DIR } from './load.js';
import { runPreview } from './preview/preview.js';
import { MAX_LOGO_BYTES } from '../core/settings/logo.js';
import { capInWords, readBounded, UnreadableFile } from './read-file.js';
import { safeForTerminal } from './terminal.js';
import { messageLanguage } from './message-language.js';
import { asKnownError, buildCommand, check, lockAware, plural, unmetDuration, usage, watchCommand, type Io } from './commands.js';

export type { Io } from './commands.js';

const defaultIo: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
};

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code; never calls process.exit. */
export async function main(argv: readonly string[], rawIo: Io = defaultIo): Promise<number> {
  // The one place every line reaches the terminal: whatever it quotes, it cannot steer the terminal.
  const io: Io = { ...rawIo, out: (text) => rawIo.out(safeForTerminal(text)), err: (text) => rawIo.err(safeForTerminal(text)) };
  try {
    return await run(argv, io);
  } catch (error) {
    const known = asKnownError(error);
    if (known) {
      io.err(`dialogkit: error: ${known.message}`);
      return known.exitCode;
    }
    throw error; // a real bug: keep its stack
  }
}

async function run(argv: readonly string[], plainIo: Io): Promise<number> {
  let io = plainIo;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string', default: 'out' },
        templates: { type: 'string' },
        topic: { type: 'string', multiple: true },
        start: { type: 'string' },
        organisation: { type: 'string' },
        date: { type: 'string' },
        duration: { type: 'string' },
        participants: { type: 'string' },
        'flipover-size': { type: 'string' },
        tile: { type: 'string' },
        note: { type: 'string' },
        'base-url': { type: 'string' },
        logo: { type: 'string' },
        adapt: { type: 'string', multiple: true },
        format: { type: 'string', default: 'text' },
        lang: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        force: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        title: { type: 'string' },
        language: { type: 'string', default: 'da' },
        jobs: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        open: { type: 'boolean', default: false },
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
  if (command === undefined)
    return usage(io, 'say what to do: `dialogkit build`, `dialogkit check`, `dialogkit watch` or `dialogkit preview`');
  if (command === 'new') return newCommand(extra, values, io);
  if (extra.length > 0) return usage(io, `unexpected argument "${extra[0]}"`);
  if (values.format !== 'text' && values.format !== 'json') return usage(io, `--format must be text or json, not "${values.format}"`);
  const lang = messageLanguage(values.lang, io.env);
  if (typeof lang !== 'string') return usage(io, lang.problem);
  io = { ...io, lang };

  let logo: Uint8Array | undefined;
  if (values.logo !== undefined) {
    try {
      logo = await readBounded(values.logo, { cap: MAX_LOGO_BYTES });
    } catch (error) {
      return usage(io, logoProblem(values.logo, error));
    }
  }
  const adapt: AdaptationSource[] = [];
  for (const path of values.adapt ?? []) {
    try {
      adapt.push({ path, text: await readFile(path, 'utf8') });
    } catch (error) {
      return usage(
        io,
        `--adapt: cannot read "${path}": ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      );
    }
  }
  const epoch = io.env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '' && !/^\d{1,15}$/.test(epoch))
    return usage(io, `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 in plain digits, e.g. 1700000000, not "${epoch}"`);
  const options: BuildOptions = Object.freeze({
    ...(values.start !== undefined && { start: values.start }),
    ...(values.organisation !== undefined && { organisation: values.organisation }),
    ...(values.date !== undefined && { date: values.date }),
    ...(values.duration !== undefined && { duration: Number(values.duration) }),
    ...(values.participants !== undefined && { participants: Number(values.participants) }),
    ...(values['flipover-size'] !== undefined && { flipoverSize: values['flipover-size'].toUpperCase() as PaperSize }),
    ...(values.tile !== undefined && { tile: values.tile.toUpperCase() as 'A4' }),
    ...(values.note !== undefined && { note: values.note }),
    ...(values['base-url'] !== undefined && { baseUrl: values['base-url'] }),
    ...(logo !== undefined && { logo }),
    ...(adapt.length > 0 && { adapt }),
    ...(epoch !== undefined && epoch !== '' && { sourceDateEpoch: Number(epoch) }),
  });
  const cores = availableParallelism();
  const asked = values.jobs === undefined ? cores : Number(values.jobs);
  if (!/^\d+$/.test(values.jobs ?? '1') || !Number.isInteger(asked) || asked < 1 || asked > 64)
    return usage(io, `--jobs must be a whole number from 1 to 64, not "${values.jobs}"`);
  // Each job holds a typesetter and its fonts (~100 MB): more jobs than cores cost memory and gain nothing.
  const jobs = Math.min(asked, cores);
  if (jobs < asked) io.err(`dialogkit: note: --jobs ${asked} is more than this machine's ${plural(cores, 'core')}; using ${jobs}`);
  const problems = validateOptions(options);
  if (problems.length > 0) return usage(io, problems.map((p) => p.message).join('\n'));
  const templatesDir = values.templates;
  if (templatesDir !== undefined) await checkTemplatesDir(templatesDir);

  // `watch` and `preview` keep what they parsed from build to build; a build keeps what the --duration check parsed.
  const cache = createBuildMemo({ persistent: command === 'watch' || command === 'preview' });
  if (options.duration !== undefined && (command === 'build' || command === 'watch' || command === 'preview')) {
    const unmet = await unmetDuration(values.content, values.topic ?? [], options, cache, lang);
    if (unmet.length > 0) return usage(io, unmet.join('\n'));
  }

  switch (command) {
    case 'check':
      return check(values.content, templatesDir, values.format, io, options, values.strict);
    case 'watch':
      return watchCommand(values.content, values.out, values.topic ?? [], options, templatesDir, version, io, cache);
    case 'preview': {
      const port = values.port === undefined ? 4321 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        return usage(io, `--port must be a whole number from 0 to 65535, not "${values.port}"`);
      if (values.host === '') return usage(io, '--host must name an address, e.g. 127.0.0.1');
      return runPreview({
        contentDir: values.content,
        outDir: values.out,
        watched: [values.content.replace(/\/$/, ''), (templatesDir ?? TEMPLATES_DIR).replace(/\/$/, '')],
        port,
        host: values.host ?? '127.0.0.1',
        open: values.open,
        io,
        until: new Promise<void>((resolve) => process.once('SIGINT', () => resolve())),
        draftInputs: async () => ({ options, ...(await loadLayouts(templatesDir)) }),
        build: (hooks) =>
          lockAware({ ...io, ...hooks.io }, () =>
            buildCommand(
              values.content,
              values.out,
              values.topic ?? [],
              options,
              {
                quiet: true,
                force: hooks.force,
                jobs: 1,
                templates: templatesDir,
                cache,
                observe: hooks.observe,
                typesetter: hooks.typesetter,
              },
              version,
              { ...io, ...hooks.io },
            ),
          ),
      });
    }
    case 'build':
      return buildCommand(
        values.content,
        values.out,
        values.topic ?? [],
        options,
        { quiet: values.quiet, force: values.force, jobs, templates: templatesDir, cache, strict: values.strict },
        version,
        io,
      );
    default:
      return usage(io, `unknown command "${command}"; use \`build\` or \`check\``);
  }
}

/** `dialogkit new SLUG`: one topic skeleton in the content folder, never over an existing file. */
async function newCommand(slugs: string[], values: { content: string; title?: string; language: string }, io: Io): Promise<number> {
  if (slugs.length !== 1)
    return usage(io, slugs.length === 0 ? 'name the new topic: `dialogkit new SLUG`' : `unexpected argument "${slugs[1]}"`);
  const made = await newTopic({
    slug: slugs[0]!,
    contentDir: values.content,
    language: values.language,
    today: new Date().toISOString().slice(0, 10),
    ...(values.title !== undefined && { title: values.title }),
  });
  if (made.code === ExitCode.ok) io.err(made.line);
  else io.err(`dialogkit: error: ${made.line}`);
  return made.code;
}

/** One `--logo` line for a logo file that cannot be read: missing, not a regular file, too large. */
function logoProblem(path: string, error: unknown): string {
  if (error instanceof UnreadableFile)
    return error.size !== undefined
      ? `--logo: the file is ${(error.size / 1024 / 1024).toFixed(1)} MB; a logo may be at most ${capInWords(MAX_LOGO_BYTES)}`
      : `--logo: cannot read ${error.message}; name an image file (PNG, JPEG or SVG)`;
  const code = (error as NodeJS.ErrnoException).code;
  return `--logo: cannot read "${path}": ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`;
}

async function ownVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
