import { request, type IncomingHttpHeaders } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editRoutes } from '../../../src/node/preview/edit-routes.js';
import { startServer, type RunningServer } from '../../../src/node/preview/server.js';
import { emptyState, type PreviewState, type PreviewTopic } from '../../../src/node/preview/state.js';
import { tempDir } from '../../helpers/temp.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  bytes: Buffer;
  json: { error?: string; sha256?: string; base64?: string; slug?: string };
}

const TOKEN = 'the-pages-own-token';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The three kinds of text an editor must not normalise: a BOM and CRLF, trailing spaces, and NFD letters. */
const CASES: Record<string, Buffer> = {
  crlf: Buffer.from('---\r\ntitle: "Emne"\r\n---\r\n\r\n## Om emnet  \r\n\r\nTekst.\r\n'),
  bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\ntitle: "Emne"\n---\n\nTekst \t\n')]),
  nfd: Buffer.from('---\ntitle: "Ærø og Ålborg"\n---\n\nBørn på øen.\n'.normalize('NFD')),
};

describe('the preview’s editor routes: reading, saving and making topic files', () => {
  let root: string;
  let content: string;
  let running: RunningServer;
  let state: PreviewState;
  let writable = true;

  const topic = (slug: string, sourcePath: string): PreviewTopic => ({
    slug,
    title: slug,
    source: sourcePath,
    sourcePath,
    stale: false,
    products: [],
    diagnostics: [],
  });

  /** A request as the page (or another page) would send it. */
  const send = (method: string, path: string, headers: Record<string, string> = {}, body?: Uint8Array | string): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: running.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          let json = {};
          if (String(res.headers['content-type']).startsWith('application/json'))
            json = JSON.parse(bytes.toString('utf8')) as Reply['json'];
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, json });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  const save = (slug: string, bytes: Uint8Array, base: string, headers: Record<string, string> = { 'X-Dialogkit-Token': TOKEN }) =>
    send('POST', `/_preview/save/${slug}`, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Dialogkit-Base': base, ...headers }, bytes);

  beforeAll(async () => {
    root = await tempDir('dialogkit-edit-routes-');
    content = join(root, 'content');
    await mkdir(content);
    for (const [name, bytes] of Object.entries(CASES)) await writeFile(join(content, `${name}.md`), bytes);
    await writeFile(join(root, 'outside.md'), 'outside');
    await writeFile(join(content, 'notes.txt'), 'notes');
    await symlink(join(root, 'outside.md'), join(content, 'link.md'));
    state = {
      ...emptyState('test'),
      build: 1,
      building: false,
      topics: [
        ...Object.keys(CASES).map((name) => topic(name, join(content, `${name}.md`))),
        topic('link', join(content, 'link.md')),
        topic('outside', join(root, 'outside.md')),
        topic('notes', join(content, 'notes.txt')),
      ],
    };
    const routes = (canWrite: boolean) =>
      editRoutes({
        contentDir: content,
        state: () => state,
        token: TOKEN,
        writable: canWrite,
        draftInputs: () =>
          Promise.resolve({ options: { organisation: 'Kommunen' }, layouts: [], labels: { name: 'labels', path: 'l', text: '' } }),
      });
    const [open, closed] = [routes(true), routes(false)];
    // One server; `writable` says which set of routes answers (as `--host` would decide at start).
    running = await startServer({
      host: '127.0.0.1',
      port: 0,
      routes: open.map((route, index) => ({ ...route, handle: (r) => (writable ? route : closed[index]!).handle(r) })),
    });
  });
  afterAll(() => running.close());

  it('sends a topic file’s exact bytes, and saving them unchanged leaves every byte as it was (CRLF, BOM, NFD)', async () => {
    for (const [name, bytes] of Object.entries(CASES)) {
      const opened = await send('GET', `/_preview/source/${name}`, { 'X-Dialogkit-Token': TOKEN });
      expect(opened.status, name).toBe(200);
      expect(opened.bytes.equals(bytes), name).toBe(true);
      expect(opened.headers['x-dialogkit-sha256']).toBe(sha(bytes));
      expect(opened.headers['cache-control']).toBe('no-store');
      // What the page does: decode without dropping the BOM, encode again.
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(opened.bytes);
      const saved = await save(name, new TextEncoder().encode(text), sha(opened.bytes));
      expect(saved.status, name).toBe(200);
      expect((await readFile(join(content, `${name}.md`))).equals(bytes), name).toBe(true);
    }
  });

  it('writes an edit atomically, with no temporary file left behind, and answers the new version', async () => {
    const before = await readFile(join(content, 'crlf.md'));
    const edited = Buffer.from(before.toString('utf8').replace('Tekst.', 'Ny tekst.'));
    const saved = await save('crlf', edited, sha(before));
    expect(saved.status).toBe(200);
    expect(saved.json.sha256).toBe(sha(edited));
    expect((await readFile(join(content, 'crlf.md'))).equals(edited)).toBe(true);
    expect((await readdir(content)).sort()).toEqual(['bom.md', 'crlf.md', 'link.md', 'nfd.md', 'notes.txt']);
    await writeFile(join(content, 'crlf.md'), CASES['crlf']!);
  });

  it('refuses a save without the token, with a wrong one, from another origin or another site, and leaves the file alone', async () => {
    const bytes = Buffer.from('overwritten');
    const base = sha(CASES['bom']!);
    const attempts: Record<string, Record<string, string>> = {
      'no token': {},
      'wrong token': { 'X-Dialogkit-Token': 'guess' },
      'token of another length': { 'X-Dialogkit-Token': `${TOKEN}x` },
      'another origin': { 'X-Dialogkit-Token': TOKEN, Origin: 'http://evil.example' },
      'another port': { 'X-Dialogkit-Token': TOKEN, Origin: 'http://127.0.0.1:1' },
      'cross-site fetch': { 'X-Dialogkit-Token': TOKEN, 'Sec-Fetch-Site': 'cross-site' },
      'same-site fetch': { 'X-Dialogkit-Token': TOKEN, 'Sec-Fetch-Site': 'same-site' },
    };
    for (const [what, headers] of Object.entries(attempts)) {
      const reply = await save('bom', bytes, base, headers);
      expect(reply.status, what).toBe(403);
      expect(reply.headers['access-control-allow-origin'], what).toBeUndefined();
    }
    // A read needs the token too.
    expect((await send('GET', '/_preview/source/bom')).status).toBe(403);
    expect((await readFile(join(content, 'bom.md'))).equals(CASES['bom']!)).toBe(true);
    // The page's own request, from its own origin, is let through.
    const own = await save('bom', CASES['bom']!, base, {
      'X-Dialogkit-Token': TOKEN,
      Origin: `http://127.0.0.1:${running.port}`,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(own.status).toBe(200);
  });

  it('writes only *.md files inside the content folder, never through a link', async () => {
    const base = sha(Buffer.from('outside'));
    for (const slug of ['link', 'outside']) {
      const reply = await save(slug, Buffer.from('written'), base);
      expect(reply.status, slug).toBe(404);
    }
    expect((await save('notes', Buffer.from('written'), sha(Buffer.from('notes')))).status).toBe(404);
    expect(await readFile(join(root, 'outside.md'), 'utf8')).toBe('outside');
    expect(await readFile(join(content, 'notes.txt'), 'utf8')).toBe('notes');
    expect((await send('GET', '/_preview/source/link', { 'X-Dialogkit-Token': TOKEN })).status).toBe(404);
  });

  it('refuses to overwrite a file that changed on disk since it was opened, and sends the disk’s version', async () => {
    const opened = sha(CASES['nfd']!);
    const disk = Buffer.from('---\ntitle: "Ændret et andet sted"\n---\n');
    await writeFile(join(content, 'nfd.md'), disk);
    const reply = await save('nfd', Buffer.from('mine'), opened);
    expect(reply.status).toBe(409);
    expect(reply.json.sha256).toBe(sha(disk));
    expect(Buffer.from(reply.json.base64!, 'base64').equals(disk)).toBe(true);
    expect((await readFile(join(content, 'nfd.md'))).equals(disk)).toBe(true);
    // "Behold min": the page saves again over the version it was shown.
    expect((await save('nfd', Buffer.from('mine'), reply.json.sha256!)).status).toBe(200);
    expect(await readFile(join(content, 'nfd.md'), 'utf8')).toBe('mine');
    await writeFile(join(content, 'nfd.md'), CASES['nfd']!);
  });

  it('makes a new topic once, and never overwrites one that is there', async () => {
    const ask = (body: unknown, headers: Record<string, string> = { 'X-Dialogkit-Token': TOKEN }) =>
      send('POST', '/_preview/new', { 'Content-Type': 'application/json', ...headers }, JSON.stringify(body));
    const made = await ask({ slug: 'nyt-emne', title: 'Nyt emne', language: 'da' });
    expect(made.status).toBe(201);
    const text = await readFile(join(content, 'nyt-emne.md'), 'utf8');
    expect(text).toContain('title: "Nyt emne"');
    await writeFile(join(content, 'nyt-emne.md'), 'mine');
    const again = await ask({ slug: 'nyt-emne', title: 'Andet', language: 'en' });
    expect(again.status).toBe(409);
    expect(again.json.error).toContain('Der findes allerede et emne');
    expect(await readFile(join(content, 'nyt-emne.md'), 'utf8')).toBe('mine');
    expect((await ask({ slug: 'crlf' })).status).toBe(409);
    expect((await readFile(join(content, 'crlf.md'))).equals(CASES['crlf']!)).toBe(true);
    expect((await ask({ slug: '../evil' })).status).toBe(400);
    expect((await ask({ slug: 'uden-noegle' }, {})).status).toBe(403);
    expect((await readdir(content)).sort()).toEqual(['bom.md', 'crlf.md', 'link.md', 'nfd.md', 'notes.txt', 'nyt-emne.md']);
  });

  it('writes nothing when the preview listens beyond this computer', async () => {
    writable = false;
    try {
      expect((await save('bom', Buffer.from('x'), sha(CASES['bom']!))).status).toBe(403);
      expect((await readFile(join(content, 'bom.md'))).equals(CASES['bom']!)).toBe(true);
    } finally {
      writable = true;
    }
  });

  it('gives the page the options and layouts the preview builds with, the logo as base64', async () => {
    const reply = await send('GET', '/_preview/draft-inputs.json', { 'X-Dialogkit-Token': TOKEN });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ options: { organisation: 'Kommunen' } });
    expect((await send('GET', '/_preview/draft-inputs.json')).status).toBe(403);
  });
});
