import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { confinedPath as confined } from './confined.js';

/**
 * Serving a file from inside one folder, and nothing else: the request path arrives as checked
 * segments (server.ts refuses `..`, `.`, encoded slashes and NUL before any route sees them),
 * hidden names (the lock, temporary files) are not served, and the real path (symbolic links
 * followed) must still lie inside the folder's real path. A folder is served as its index.html,
 * never as a listing.
 */
export async function serveFileFrom(root: string, segments: readonly string[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const found = await confined(root, segments);
  if (!found) return notFound(res);
  let { path, info } = found;
  if (info.isDirectory()) {
    const wanted = (req.url ?? '/').split('?')[0]!;
    // Relative links in an index.html resolve against the folder only with its trailing slash.
    if (!wanted.endsWith('/')) return redirect(res, `${wanted}/`);
    const index = await confined(root, [...segments, 'index.html']);
    if (!index || !index.info.isFile()) return notFound(res);
    ({ path, info } = index);
  }
  if (!info.isFile()) return notFound(res);
  sendFile(req, res, path, info.size, info.mtimeMs);
}

/** Sends a file that is known to be safe to send (confined, or one of the preview's own assets). */
export function sendFile(req: IncomingMessage, res: ServerResponse, path: string, size: number, mtimeMs: number): void {
  // Revalidated on every use: a file the build replaced is never shown from the browser's cache.
  const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
  const headers = { 'Content-Type': contentType(path), 'Cache-Control': 'no-cache', ETag: etag, 'X-Content-Type-Options': 'nosniff' };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': size });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** The content type by file name; anything unknown is plain bytes, never sniffed. */
export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('Not found\n');
}

// --- internal ---

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { Location: location, 'Cache-Control': 'no-store' }).end();
}
