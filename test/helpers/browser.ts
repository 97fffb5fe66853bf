import { createReadStream, existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cli, ROOT, temporaryDir } from './cli.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.json': 'application/json',
};

/** A static file server for `root` on 127.0.0.1, as a web host would serve `out/`. */
export async function serve(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    // A request the handler cannot answer gets a 500, never an unhandled rejection.
    respond(root, request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function respond(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
  const file = path.endsWith(sep) ? join(path, 'index.html') : path;
  if (!file.startsWith(root)) return void response.writeHead(403).end();
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': info.size });
    createReadStream(file).pipe(response);
  } catch {
    response.writeHead(404).end('not found');
  }
}

/** Debian's Chromium, as `.ci/run` installs it (or `CHROMIUM_PATH`). */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Browser tests run wherever Chromium is installed, and always in CI (where a missing browser is
 * a failure, not a skip). On a laptop without it they are skipped with a note.
 */
export const HAS_BROWSER = existsSync(CHROMIUM) || Boolean(process.env['CI']);
if (!HAS_BROWSER) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** Records console errors, page errors and every request that leaves `origin`. */
export function watchPage(page: Page, origin: string) {
  const problems: string[] = [];
  const outside: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
  });
  return { problems, outside };
}

/** A published `out/` as a facilitator meets it: built by the real CLI, served, with Chromium open. */
export interface Published {
  out: string;
  server: { url: string; close(): Promise<void> };
  browser: Browser;
  close(): Promise<void>;
}

/** Builds `content` into a fresh folder with the CLI (and any further options), serves it and launches Chromium. */
export async function publish(content: string, options: string[] = []): Promise<Published> {
  const out = await temporaryDir();
  // Chromium starts while the CLI builds.
  const [run, browser] = await Promise.all([cli(['build', '--content', content, '--out', out, '--quiet', ...options]), launch()]);
  if (run.code !== 0) {
    await browser.close();
    throw new Error(`build failed (${run.code}): ${run.stderr}`);
  }
  const server = await serve(out);
  await mkdir(ARTIFACTS, { recursive: true });
  return { out, server, browser, close: async () => void (await Promise.all([browser.close(), server.close()])) };
}

/** Where browser tests leave screenshots and timings. */
export const ARTIFACTS = join(ROOT, 'test/artifacts');
