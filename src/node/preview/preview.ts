import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode } from '../../core/diagnostics.js';
import type { Manifest } from '../../core/publish/manifest.js';
import { createTypesetter, type FontSet, type Typesetter } from '../../core/pdf/typeset.js';
import { watchFolders } from '../watch.js';
import { createChannel } from './channel.js';
import type { DraftInputs } from './edit-routes.js';
import { previewRoutes } from './routes.js';
import { isLoopback, startServer } from './server.js';
import { createSourceMaps } from './source-maps.js';
import { emptyState, nextState, type BuildOutcome, type PreviewState } from './state.js';
import { makeToken } from './write-guard.js';

/** Where the preview prints (cli.ts's `Io`). */
export interface PreviewIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** What one build of the preview asks cli.ts's build for. */
export interface PreviewBuildHooks {
  /** Told the topics and diagnostics as soon as the build has built them. */
  observe: (outcome: BuildOutcome) => void;
  /** The typesetter the build renders with (one that records source maps). */
  typesetter: (fonts: FontSet) => Typesetter;
  /** Rebuild every file (the first build, so every PDF has a source map). */
  force: boolean;
  /** Where the build prints. */
  io: PreviewIo;
}

export interface PreviewSetup {
  contentDir: string;
  outDir: string;
  /** The folders a save in which rebuilds: content and templates. */
  watched: readonly string[];
  port: number;
  host: string;
  open: boolean;
  io: PreviewIo;
  /** One build (cli.ts's build, with `watch`'s memo): its exit code, and whether another build held the lock. */
  build: (hooks: PreviewBuildHooks) => Promise<{ code: number; locked: boolean }>;
  /** The options, layouts and labels of the build, for the editor's unsaved products. */
  draftInputs: () => Promise<DraftInputs>;
  /** Resolves when the preview should end (Ctrl-C). */
  until: Promise<void>;
}

/**
 * `dialogkit preview`: builds, serves `out/` and the preview page, and rebuilds after every save;
 * each build's state goes to the open pages over the update channel. Returns the exit code.
 */
export async function runPreview(setup: PreviewSetup): Promise<number> {
  const { io } = setup;
  const sourceMaps = createSourceMaps();
  let state: PreviewState = emptyState(randomBytes(6).toString('hex'));
  const channel = createChannel(() => ({ event: 'state', data: state }));

  const buildOnce = async (force: boolean): Promise<{ code: number; locked: boolean }> => {
    let outcome: BuildOutcome | undefined;
    const problems: string[] = [];
    const result = await setup.build({
      observe: (o) => void (outcome = o),
      typesetter: (fonts) => sourceMaps.recording(createTypesetter(fonts)),
      force,
      io: {
        out: io.out,
        err: (text) => {
          io.err(text);
          // One failure may be several lines (each PDF held open by another program is one).
          const problem = /^dialogkit: (?:internal )?error: ([\s\S]*)$/.exec(text)?.[1];
          if (problem) problems.push(...problem.split('\n').filter((line) => line.trim() !== ''));
        },
      },
    });
    if (result.locked) return result; // nothing changed on disk; tried again shortly
    const manifest = await readManifest(setup.outDir);
    state = nextState(state, manifest, outcome, problems, setup.contentDir);
    sourceMaps.keepOnly(new Set(state.topics.flatMap((t) => t.products.map((p) => p.version))));
    channel.send('state', state);
    return result;
  };

  const first = await buildOnce(true);
  if (first.code === ExitCode.usageError) return first.code;

  const routes = previewRoutes({
    outDir: setup.outDir,
    state: () => state,
    channel,
    sourceMaps,
    // A new token each start: a page from an earlier run (or any other page) cannot write.
    edit: { contentDir: setup.contentDir, token: makeToken(), writable: isLoopback(setup.host), draftInputs: setup.draftInputs },
  });
  const server = await startServer({ host: setup.host, port: setup.port, routes });
  if (server.port !== setup.port && setup.port !== 0) io.err(`Port ${setup.port} is taken; using ${server.port}.`);
  if (!server.loopback)
    io.err(`dialogkit: warning: the preview listens on ${setup.host}: anyone on your network can see it and your topics.`);
  const shown = server.loopback ? '127.0.0.1' : setup.host.includes(':') ? `[${setup.host}]` : setup.host;
  const url = `http://${shown}:${server.port}/_preview/`;
  io.out(`Preview: http://${shown}:${server.port}/`);

  const stop = watchFolders(
    setup.watched,
    async (files) => {
      const started = performance.now();
      state = { ...state, building: true };
      channel.send('state', state);
      const result = await buildOnce(false);
      if (result.locked) return 'retry';
      const names = files.map((f) => (f.endsWith('/') ? f : f.split('/').pop())).join(', ');
      io.err(`${result.code === ExitCode.ok ? '✓' : '✗'} rebuilt after ${names} in ${Math.round(performance.now() - started)} ms`);
      return undefined;
    },
    (folder, error) => io.err(`dialogkit: warning: stopped watching ${folder}: ${error.message}`),
  );
  io.err(`Watching ${setup.watched.join('/ and ')}/ for changes. Press Ctrl-C to stop.`);
  if (setup.open) openBrowser(url);
  await setup.until;
  stop();
  channel.close();
  await server.close();
  return ExitCode.ok;
}

// --- internal ---

async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** `--open`: the system's way to open an address; a failure only means the user opens it. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    spawn(command, args, { stdio: 'ignore', detached: true })
      .on('error', () => undefined)
      .unref();
  } catch {
    // the address is printed
  }
}
