import { request, type IncomingHttpHeaders } from 'node:http';
import { createServer as createNetServer, connect, type AddressInfo } from 'node:net';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from '../../../src/node/preview/channel.js';
import { previewRoutes } from '../../../src/node/preview/routes.js';
import { isLoopback, pathSegments, startServer, type RunningServer } from '../../../src/node/preview/server.js';
import { createSourceMaps } from '../../../src/node/preview/source-maps.js';
import { emptyState, type PreviewState } from '../../../src/node/preview/state.js';
import { tempDir } from '../../helpers/temp.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with the path sent exactly as given (no normalising of `..`, unlike fetch). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the preview server', () => {
  let root: string;
  let out: string;
  let running: RunningServer;
  let state: PreviewState;
  const channel = createChannel(() => ({ event: 'state', data: state }));

  beforeAll(async () => {
    root = await tempDir('dialogkit-preview-server-');
    out = join(root, 'out');
    await mkdir(join(out, 'emne'), { recursive: true });
    await mkdir(join(out, 'assets'));
    await mkdir(join(root, 'secret'));
    await writeFile(join(root, 'secret', 'id_rsa'), 'PRIVATE KEY');
    await writeFile(join(root, 'outside.txt'), 'outside');
    await writeFile(join(out, 'index.html'), '<!doctype html><html><body><h1>Download</h1></body></html>');
    await writeFile(join(out, 'emne', 'drejebog.pdf'), '%PDF-1.7 first');
    await writeFile(join(out, 'emne', 'index.html'), '<!doctype html><html><body>Telefon</body></html>');
    await writeFile(join(out, 'emne', 'emne.zip'), 'PK');
    await writeFile(join(out, 'assets', 'dialogkit-site.js'), 'console.log(1)');
    await writeFile(join(out, 'manifest.json'), '{}');
    await writeFile(join(out, '.dialogkit.lock'), '{"pid":1}');
    await writeFile(join(out, 'notes.weird'), 'x');
    // Links that lead out of out/: a file, a folder, and a link inside out/ to a file inside (allowed).
    await symlink(join(root, 'secret', 'id_rsa'), join(out, 'emne', 'key.pdf'));
    await symlink(join(root, 'secret'), join(out, 'elsewhere'));
    await symlink(join(out, 'emne', 'drejebog.pdf'), join(out, 'emne', 'same.pdf'));
    state = { ...emptyState('test'), build: 1, building: false };
    running = await startServer({
      host: '127.0.0.1',
      port: 0,
      routes: previewRoutes({
        outDir: out,
        state: () => state,
        channel,
        sourceMaps: createSourceMaps(),
        edit: { contentDir: root, token: 't', writable: false, draftInputs: () => Promise.reject(new Error('not here')) },
      }),
    });
  });
  afterAll(async () => {
    channel.close();
    await running.close();
  });

  it('serves the files under out/ with their content types, never cached unchecked', async () => {
    const types: Record<string, string> = {
      '/': 'text/html; charset=utf-8',
      '/emne/drejebog.pdf': 'application/pdf',
      '/emne/': 'text/html; charset=utf-8',
      '/emne/emne.zip': 'application/zip',
      '/assets/dialogkit-site.js': 'text/javascript; charset=utf-8',
      '/manifest.json': 'application/json; charset=utf-8',
      '/notes.weird': 'application/octet-stream',
      '/_preview/': 'text/html; charset=utf-8',
      '/_preview/emne/': 'text/html; charset=utf-8',
      '/_preview/state.json': 'application/json; charset=utf-8',
    };
    for (const [path, type] of Object.entries(types)) {
      const reply = await get(running.port, path);
      expect(reply.status, path).toBe(200);
      expect(reply.headers['content-type'], path).toBe(type);
      expect(reply.headers['x-content-type-options'], path).toBe('nosniff');
      expect(reply.headers['cache-control'], path).toMatch(/no-cache|no-store/);
    }
    // The published pages get the preview bar; the files are as on disk.
    expect((await get(running.port, '/')).body).toContain('<script src="/_preview/bar.js" defer></script></body>');
    expect((await get(running.port, '/emne/drejebog.pdf')).body).toBe('%PDF-1.7 first');
    expect((await get(running.port, '/emne/same.pdf')).body).toBe('%PDF-1.7 first');
  });

  it('answers a revalidation with 304 while the file is unchanged, and with the new bytes once it changed', async () => {
    const first = await get(running.port, '/emne/drejebog.pdf');
    const etag = String(first.headers.etag);
    expect((await get(running.port, '/emne/drejebog.pdf', { 'If-None-Match': etag })).status).toBe(304);
    await writeFile(join(out, 'emne', 'drejebog.pdf'), '%PDF-1.7 second, longer');
    const changed = await get(running.port, '/emne/drejebog.pdf', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body).toBe('%PDF-1.7 second, longer');
  });

  it('refuses every way out of out/: dot segments, encoded ones, backslashes, NUL and symbolic links', async () => {
    const refused = [
      '/../outside.txt',
      '/emne/../../outside.txt',
      '/%2e%2e/outside.txt',
      '/%2E%2E/outside.txt',
      '/..%2foutside.txt',
      '/emne/%2e%2e%2f%2e%2e%2foutside.txt',
      '/..%5coutside.txt',
      '/emne/..%5c..%5coutside.txt',
      '/%252e%252e/outside.txt', // double-encoded: a folder literally named "%2e%2e", which does not exist
      '/emne/drejebog.pdf%00.html',
      '/elsewhere/id_rsa',
      '/emne/key.pdf',
      '/.dialogkit.lock',
      '/_preview/assets/../../outside.txt',
      '/_preview/assets/cli.js',
      '/%zz',
    ];
    for (const path of refused) {
      const reply = await get(running.port, path);
      expect([400, 404], path).toContain(reply.status);
      expect(reply.body, path).not.toMatch(/PRIVATE KEY|outside/);
    }
  });

  it('lists no folder: a folder without index.html is not found, and one without its slash is redirected', async () => {
    expect((await get(running.port, '/assets/')).status).toBe(404);
    const redirect = await get(running.port, '/emne');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/emne/');
  });

  it('answers only to this computer: another Host (DNS rebinding) is refused, and it listens on loopback only', async () => {
    expect((await get(running.port, '/', { Host: 'evil.example' })).status).toBe(403);
    expect((await get(running.port, '/', { Host: `localhost:${running.port}` })).status).toBe(200);
    expect(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('::ffff:127.0.0.1') && isLoopback('localhost')).toBe(true);
    expect(isLoopback('0.0.0.0') || isLoopback('192.168.1.10') || isLoopback('::')).toBe(false);
    const address = running.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    // From this machine's own network address, nothing answers.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      const refused = await new Promise<string>((resolve) => {
        const socket = connect(running.port, external.address);
        socket.on('connect', () => (socket.destroy(), resolve('connected')));
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(refused).toBe('ECONNREFUSED');
    }
  });

  it('takes the next free port when the one asked for is taken', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    const next = await startServer({ host: '127.0.0.1', port: taken, routes: [] });
    try {
      expect(next.port).toBeGreaterThan(taken);
      expect(next.port).toBeLessThanOrEqual(taken + 20);
    } finally {
      await next.close();
      blocker.close();
    }
  });

  it('sends the state at once on connecting, and every new one after', async () => {
    const events: string[] = [];
    const req = request({ host: '127.0.0.1', port: running.port, path: '/_preview/events' });
    const received = new Promise<void>((resolve, reject) => {
      req.on('response', (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
            events.push(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
          if (events.filter((e) => e.startsWith('event: state')).length === 2) resolve();
        });
      });
      req.on('error', reject);
    });
    req.end();
    await waitUntil(() => channel.size() === 1);
    state = { ...state, build: 2 };
    channel.send('state', state);
    await received;
    req.destroy();
    expect(events[0]).toBe('retry: 1000');
    const states = events.filter((e) => e.startsWith('event: state')).map((e) => JSON.parse(e.split('\ndata: ')[1]!) as PreviewState);
    expect(states.map((s) => s.build)).toEqual([1, 2]);
    await waitUntil(() => channel.size() === 0);
  });

  it('refuses paths that decode to a way out, before any route sees them', () => {
    expect(pathSegments('/emne/drejebog.pdf?v=1')).toEqual(['emne', 'drejebog.pdf']);
    expect(pathSegments('/Min%20fil.pdf')).toEqual(['Min fil.pdf']);
    for (const bad of ['/..', '/a/./b', '/%2e', '/%2e%2e', '/a%2fb', '/a%5cb', '/a%00', '/%E0%A4%A', 'relative'])
      expect(pathSegments(bad), bad).toBeUndefined();
  });
});

async function waitUntil(test: () => boolean): Promise<void> {
  for (let waited = 0; waited < 5000 && !test(); waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(test()).toBe(true);
}
