import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { notFound } from './serve-file.js';

/**
 * The preview's HTTP server: `node:http` and a table of routes, no framework. What a framework
 * would add (a router, static files) is a few lines here, and the rules that matter — nothing
 * outside `out/`, loopback only — are easier to see and test in one place.
 *
 * Every request's path is split into segments and each is percent-decoded once; a segment that
 * decodes to `.`, `..`, or holds a slash, backslash or NUL is refused before any route runs, so
 * `..`, `%2e%2e`, `..%2f` and `%5c` cannot climb out whatever a route does with the segments.
 */
export interface Route {
  /** `GET` routes also answer `HEAD`; `POST` is for later (issue 31's save). */
  method: 'GET' | 'POST';
  /** Matched against the decoded path (segments joined by `/`, with the leading `/`). */
  pattern: RegExp;
  handle(request: RouteRequest): void | Promise<void>;
}

export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  match: RegExpExecArray;
  /** The path's decoded segments, without the empty first one. */
  segments: string[];
}

export interface ServerSetup {
  /** Where to listen: `127.0.0.1` unless the user says otherwise. */
  host: string;
  /** The port wanted; when taken, the next free one (up to `PORT_TRIES` further). */
  port: number;
  routes: readonly Route[];
}

export interface RunningServer {
  server: Server;
  port: number;
  /** Whether only this machine can connect: a loopback address. */
  loopback: boolean;
  close(): Promise<void>;
}

const PORT_TRIES = 20;

/** Starts the server on `setup.port` or the next free port after it. */
export async function startServer(setup: ServerSetup): Promise<RunningServer> {
  const loopback = isLoopback(setup.host);
  const server = createServer((req, res) => {
    handle(req, res, setup.routes, loopback).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });
  // Server-sent events hold their response open; they must not count as idle.
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 0;
  let port = setup.port;
  for (let tried = 0; ; tried++) {
    try {
      await listen(server, port, setup.host);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'EADDRINUSE' && code !== 'EACCES') || tried >= PORT_TRIES || port === 0) throw error;
      port++;
    }
  }
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    port: actual,
    loopback,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** 127.0.0.0/8, ::1, and `localhost`. */
export function isLoopback(address: string): boolean {
  const plain = address.replace(/^\[|\]$/g, '').replace(/^::ffff:/i, '');
  if (plain === 'localhost' || plain === '::1') return true;
  return isIP(plain) === 4 && plain.startsWith('127.');
}

/**
 * The request path's segments, each decoded once; `undefined` for a path that tries to leave
 * where it points (dot segments, encoded separators, NUL) or is not valid percent-encoding.
 */
export function pathSegments(url: string): string[] | undefined {
  if (!url.startsWith('/')) return undefined;
  const raw = url.split(/[?#]/, 1)[0]!;
  const segments: string[] = [];
  for (const part of raw.split('/').slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    if (decoded === '.' || decoded === '..' || /[/\\\0]/.test(decoded)) return undefined;
    segments.push(decoded);
  }
  return segments;
}

// --- internal ---

async function handle(req: IncomingMessage, res: ServerResponse, routes: readonly Route[], loopback: boolean): Promise<void> {
  // Loopback only: a connection from elsewhere (a listening address the user did not choose) is
  // refused, and so is a page on another site that reaches 127.0.0.1 under its own host name (DNS rebinding).
  if (loopback && (!isLoopback(req.socket.remoteAddress ?? '') || !isLoopback(hostName(req.headers.host ?? '')))) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The preview answers only this computer (localhost).\n');
    return;
  }
  const segments = pathSegments(req.url ?? '');
  if (!segments) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad path\n');
    return;
  }
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  const path = `/${segments.join('/')}`;
  let allowed = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method !== method) {
      allowed = true;
      continue;
    }
    await route.handle({ req, res, match, segments });
    return;
  }
  if (allowed) res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
  else notFound(res);
}

function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      server.off('listening', done);
      reject(error);
    };
    const done = () => {
      server.off('error', failed);
      resolve();
    };
    server.once('error', failed);
    server.once('listening', done);
    server.listen(port, host);
  });
}
