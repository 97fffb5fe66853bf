import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { ExitCode } from '../../core/diagnostics.js';
import type { LayoutSource } from '../../core/layouts/layout.js';
import { SLUG } from '../../core/parse/parse-front-matter.js';
import { MAX_TOPIC_BYTES } from '../../core/parse/parse-topic.js';
import type { BuildOptions } from '../../core/settings/options.js';
import { newTopic } from '../new-topic.js';
import type { Route } from './server.js';
import type { PreviewState } from './state.js';
import { editableTopic, readTopic, saveTopic } from './topic-files.js';
import { writeRefusal } from './write-guard.js';

/** What the editor's routes need from the preview. */
export interface EditContext {
  contentDir: string;
  state(): PreviewState;
  /** The page's own token (write-guard.ts). */
  token: string;
  /** False when the preview listens beyond this computer (`--host`): then nothing is written. */
  writable: boolean;
  /** The options, layouts and labels the preview builds with: the editor's worker makes the unsaved products with them. */
  draftInputs(): Promise<DraftInputs>;
}

export interface DraftInputs {
  options: BuildOptions;
  layouts: LayoutSource[];
  labels: LayoutSource;
}

/**
 * The editor's routes (issue 31): the topic file's exact bytes, a save, a new topic, and what
 * the page's worker needs to make the products as the preview does. Every one of them carries
 * the page's token, reads included; every answer is `no-store` and grants no CORS.
 */
export function editRoutes(context: EditContext): Route[] {
  const guarded =
    (handle: (req: IncomingMessage, res: ServerResponse, match: RegExpExecArray) => Promise<void>): Route['handle'] =>
    async ({ req, res, match }) => {
      const refused = writeRefusal(req, context.token);
      if (refused) return json(res, 403, { error: refused });
      return handle(req, res, match);
    };
  return [
    {
      method: 'GET',
      pattern: /^\/_preview\/source\/([a-z0-9-]+)$/,
      handle: guarded(async (_req, res, match) => {
        const path = await topicFile(context, match[1]!);
        if (!path) return json(res, 404, { error: 'Emnefilen findes ikke (længere).' });
        const { bytes, sha256 } = await readTopic(path);
        res.writeHead(200, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'X-Dialogkit-Sha256': sha256 }).end(bytes);
      }),
    },
    {
      method: 'POST',
      pattern: /^\/_preview\/save\/([a-z0-9-]+)$/,
      handle: guarded(async (req, res, match) => {
        if (!context.writable) return json(res, 403, { error: NOT_WRITABLE });
        const base = req.headers['x-dialogkit-base'];
        if (typeof base !== 'string' || !/^[0-9a-f]{64}$/.test(base)) return json(res, 400, { error: 'Gemningen mangler filens version.' });
        const path = await topicFile(context, match[1]!);
        if (!path) return json(res, 404, { error: 'Kun emnefiler (*.md) i indholdsmappen kan gemmes herfra.' });
        const bytes = await body(req, MAX_TOPIC_BYTES);
        if (!bytes) return json(res, 413, { error: 'Teksten er for lang til en emnefil.' });
        const outcome = await saveTopic(path, bytes, base);
        if (outcome.saved) return json(res, 200, { sha256: outcome.sha256 });
        return json(res, 409, {
          error: 'Filen er ændret på disken, siden du åbnede den.',
          sha256: outcome.conflict.sha256,
          base64: Buffer.from(outcome.conflict.bytes).toString('base64'),
        });
      }),
    },
    {
      method: 'POST',
      pattern: /^\/_preview\/new$/,
      handle: guarded(async (req, res) => {
        if (!context.writable) return json(res, 403, { error: NOT_WRITABLE });
        const raw = await body(req, 16_384);
        let asked: { slug?: unknown; title?: unknown; language?: unknown };
        try {
          asked = JSON.parse(new TextDecoder().decode(raw ?? new Uint8Array())) as typeof asked;
        } catch {
          return json(res, 400, { error: 'Formularen kom ikke frem i orden. Prøv igen.' });
        }
        const slug = typeof asked.slug === 'string' ? asked.slug.trim() : '';
        const title = typeof asked.title === 'string' && asked.title.trim() !== '' ? asked.title.trim() : undefined;
        const language = asked.language === 'en' ? 'en' : 'da';
        if (!SLUG.test(slug))
          return json(res, 400, {
            error: 'Kortnavnet må kun indeholde a-z, 0-9 og enkelte bindestreger, fx private-it-loesninger.',
          });
        const made = await newTopic({
          slug,
          contentDir: context.contentDir,
          language,
          today: new Date().toISOString().slice(0, 10),
          ...(title !== undefined && { title }),
        });
        if (made.code !== ExitCode.ok)
          return json(res, 409, {
            error: `Der findes allerede et emne med kortnavnet "${slug}". Det er ikke ændret. Vælg et andet kortnavn.`,
          });
        return json(res, 201, { slug, file: join(context.contentDir, `${slug}.md`) });
      }),
    },
    {
      method: 'GET',
      pattern: /^\/_preview\/draft-inputs\.json$/,
      handle: guarded(async (_req, res) => {
        const inputs = await context.draftInputs();
        const { logo, ...options } = inputs.options;
        // The logo's bytes as base64: JSON has no bytes.
        json(res, 200, { ...inputs, options, ...(logo && { logo: Buffer.from(logo).toString('base64') }) });
      }),
    },
  ];
}

// --- internal ---

const HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
const NOT_WRITABLE = 'Forhåndsvisningen kan kun gemme, når den kun lytter på din egen computer (uden --host).';

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { ...HEADERS, 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
}

/** The topic file of `slug`, when the editor may touch it: the file the build read, else `<content>/<slug>.md`. */
async function topicFile(context: EditContext, slug: string): Promise<string | undefined> {
  const known = context.state().topics.find((t) => t.slug === slug);
  return editableTopic(context.contentDir, known ? known.sourcePath : resolve(context.contentDir, `${slug}.md`));
}

/** The request's body, or `undefined` when it is longer than `limit` bytes. */
async function body(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
