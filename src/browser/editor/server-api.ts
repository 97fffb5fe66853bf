/**
 * The editor's requests to the preview server (src/node/preview/edit-routes.ts), each with the
 * page's token from its `<meta name="dialogkit-token">`. Answers in the server's Danish words.
 */
import type { DraftInputs } from './draft-messages.js';

export function pageToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="dialogkit-token"]')?.content ?? '';
}

const headers = () => ({ 'X-Dialogkit-Token': pageToken() });

export async function openSource(slug: string): Promise<{ bytes: Uint8Array; sha256: string }> {
  const reply = await fetch(`/_preview/source/${slug}`, { headers: headers(), cache: 'no-store' });
  if (!reply.ok) throw new Error(await problem(reply));
  return { bytes: new Uint8Array(await reply.arrayBuffer()), sha256: reply.headers.get('X-Dialogkit-Sha256') ?? '' };
}

export type SaveReply = { saved: true; sha256: string } | { saved: false; conflict: { bytes: Uint8Array; sha256: string } };

/** Saves `bytes` over the version `base` (its SHA-256); a conflict when the file changed on disk since. */
export async function saveSource(slug: string, bytes: Uint8Array, base: string): Promise<SaveReply> {
  const reply = await fetch(`/_preview/save/${slug}`, {
    method: 'POST',
    headers: { ...headers(), 'Content-Type': 'text/plain; charset=utf-8', 'X-Dialogkit-Base': base },
    body: bytes as BodyInit,
  });
  if (reply.status === 409) {
    const disk = (await reply.json()) as { sha256: string; base64: string };
    return { saved: false, conflict: { sha256: disk.sha256, bytes: Uint8Array.from(atob(disk.base64), (c) => c.charCodeAt(0)) } };
  }
  if (!reply.ok) throw new Error(await problem(reply));
  return { saved: true, sha256: ((await reply.json()) as { sha256: string }).sha256 };
}

export async function draftInputs(): Promise<Omit<DraftInputs, 'path'>> {
  const reply = await fetch('/_preview/draft-inputs.json', { headers: headers(), cache: 'no-store' });
  if (!reply.ok) throw new Error(await problem(reply));
  const read = (await reply.json()) as Omit<DraftInputs, 'path'> & { logo?: string };
  const { logo, ...inputs } = read;
  return logo ? { ...inputs, options: { ...inputs.options, logo: Uint8Array.from(atob(logo), (c) => c.charCodeAt(0)) } } : inputs;
}

/** Makes a topic file with `dialogkit new`'s skeleton; its slug, or the server's reason (never an overwrite). */
export async function createTopic(asked: { slug: string; title: string; language: string }): Promise<string> {
  const reply = await fetch('/_preview/new', {
    method: 'POST',
    headers: { ...headers(), 'Content-Type': 'application/json' },
    body: JSON.stringify(asked),
  });
  if (!reply.ok) throw new Error(await problem(reply));
  return ((await reply.json()) as { slug: string }).slug;
}

async function problem(reply: Response): Promise<string> {
  try {
    return ((await reply.json()) as { error?: string }).error ?? `Serveren svarede ${reply.status}.`;
  } catch {
    return `Serveren svarede ${reply.status}.`;
  }
}
