import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BROWSER_DIR } from '../load.js';
import type { Channel } from './channel.js';
import { confinedPath } from './confined.js';
import { editRoutes, type EditContext } from './edit-routes.js';
import { notFound, sendFile, serveFileFrom } from './serve-file.js';
import type { Route } from './server.js';
import type { SourceMaps } from './source-maps.js';
import type { PreviewState } from './state.js';

/** What the routes serve from. */
export interface RouteContext {
  outDir: string;
  state(): PreviewState;
  channel: Channel;
  sourceMaps: SourceMaps;
  /** The editor's routes: the token the page carries, the content folder, what the worker builds with. */
  edit: Omit<EditContext, 'state'>;
}

/** The preview's own scripts in dist/browser: the page, and pdf.js's worker. */
const ASSETS = new Set(['dialogkit-live.js', 'dialogkit-preview-worker.js', 'dialogkit-editor-worker.js', 'dialogkit-emoji.js']);

/**
 * Every route of the preview server, in one table, first match wins. `/_preview/…` is the
 * preview's own; everything else is a file under `out/`, as it will be published (HTML pages
 * get the small preview bar). The editor's reads and writes are edit-routes.ts's rows.
 */
export function previewRoutes(context: RouteContext): Route[] {
  return [
    { method: 'GET', pattern: /^\/_preview\/events$/, handle: ({ res }) => context.channel.connect(res) },
    { method: 'GET', pattern: /^\/_preview\/state\.json$/, handle: ({ res }) => json(res, context.state()) },
    {
      method: 'GET',
      pattern: /^\/_preview\/places\/([0-9a-f]{64})\.json$/,
      // A PDF with no text from the topic file (the cards), or not rendered by this process: no places.
      handle: ({ res, match }) => json(res, { places: context.sourceMaps.get(match[1]!) ?? [] }),
    },
    {
      method: 'GET',
      pattern: /^\/_preview\/assets\/([a-z-]+\.js)$/,
      handle: async ({ req, res, match }) => {
        if (!ASSETS.has(match[1]!)) return notFound(res);
        const path = join(BROWSER_DIR, match[1]!);
        const info = await stat(path).catch(() => undefined);
        return info ? sendFile(req, res, path, info.size, info.mtimeMs) : notFound(res);
      },
    },
    { method: 'GET', pattern: /^\/_preview\/bar\.js$/, handle: ({ res }) => text(res, 'text/javascript; charset=utf-8', BAR_SCRIPT) },
    ...editRoutes({ ...context.edit, state: () => context.state() }),
    {
      method: 'GET',
      pattern: /^\/_preview\/(?:[a-z0-9][a-z0-9-]*\/)?$/,
      handle: ({ res }) => text(res, 'text/html; charset=utf-8', page(context.edit.token)),
    },
    { method: 'GET', pattern: /^\/_preview(?:\/.*)?$/, handle: ({ res }) => notFound(res) },
    // Browsers ask for it on every page; out/ has none.
    { method: 'GET', pattern: /^\/favicon\.ico$/, handle: ({ res }) => void res.writeHead(204, { 'Cache-Control': 'no-store' }).end() },
    {
      method: 'GET',
      pattern: /(?:\.html|\/)$/,
      handle: async ({ req, res, segments }) => {
        // The page as published, with the preview bar: read whole (pages are small), bar added before </body>.
        const served = await withBar(context.outDir, segments);
        if (served === undefined) return serveFileFrom(context.outDir, segments, req, res);
        return text(res, 'text/html; charset=utf-8', served);
      },
    },
    { method: 'GET', pattern: /^\//, handle: ({ req, res, segments }) => serveFileFrom(context.outDir, segments, req, res) },
  ];
}

// --- internal ---

function json(res: import('node:http').ServerResponse, value: unknown): void {
  text(res, 'application/json; charset=utf-8', JSON.stringify(value));
}

function text(res: import('node:http').ServerResponse, type: string, body: string): void {
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }).end(body);
}

/** An HTML file of `out/` with the bar's script added, or `undefined` to serve it as it is (or refuse it). */
async function withBar(outDir: string, segments: readonly string[]): Promise<string | undefined> {
  // A folder's address (`/emne/`) is its index.html.
  const file = segments.at(-1) === '' ? [...segments.slice(0, -1), 'index.html'] : segments;
  const found = await confinedPath(outDir, file);
  if (!found?.info.isFile()) return undefined;
  const html = await readFile(found.path, 'utf8').catch(() => undefined);
  if (html === undefined) return undefined;
  const tag = '<script src="/_preview/bar.js" defer></script>';
  return html.includes('</body>') ? html.replace(/<\/body>(?![\s\S]*<\/body>)/, `${tag}</body>`) : html + tag;
}

/**
 * The preview page: a shell; dialogkit-live.js draws everything (src/browser/live/). It carries
 * the server's token, which the editor sends with every read and save (write-guard.ts).
 */
const page = (token: string) => `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Forhåndsvisning · Dialogkit</title>
<meta name="dialogkit-token" content="${token}">
</head>
<body>
<div id="dialogkit-live"></div>
<script src="/_preview/assets/dialogkit-live.js"></script>
</body>
</html>
`;

/**
 * The bar on the published pages when opened on their own (not in the preview's frames): a link
 * back to the preview, and a reload after each build, so the page in another tab stays current.
 */
const BAR_SCRIPT = `(() => {
  if (window.top !== window) return;
  const bar = document.createElement('div');
  bar.setAttribute('role', 'note');
  bar.style.cssText = 'position:fixed;inset:auto 0 0 0;z-index:2147483647;background:#1d3557;color:#fff;font:14px/1.4 system-ui,sans-serif;padding:6px 12px;display:flex;gap:12px;align-items:center';
  const link = document.createElement('a');
  link.href = '/_preview/';
  link.textContent = 'Forhåndsvisning';
  link.style.color = '#fff';
  const note = document.createElement('span');
  note.textContent = 'Siden opdateres, når du gemmer.';
  bar.append(link, note);
  document.body.append(bar);
  let seen;
  new EventSource('/_preview/events').addEventListener('state', (event) => {
    const state = JSON.parse(event.data);
    if (state.building) return;
    if (seen !== undefined && state.build !== seen) location.reload();
    seen = state.build;
  });
})();
`;
